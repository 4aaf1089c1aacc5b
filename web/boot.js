/* The dashboard's boot check: the first script of every page (inline,
   pinned by its SHA-256 in the page's Content Security Policy).

   It is ES5 on purpose: it must run in IE mode and in browsers far older
   than the app, to say what to do instead of leaving a blank page. It asks
   the browser what it can execute (docs/FLEET.md):
   - "floor": what the legacy build needs (Chromium 86: WebAssembly with
     sign-ext, bulk memory, non-trapping float-to-int and mutable globals,
     plus ES2020 built-ins the glue code uses);
   - "modern": what the fast build adds (SIMD128, reference types,
     multi-value; Chromium 96+).
   The page names the build it carries in <html data-needs>. A page that
   needs "modern" sends a browser with only the floor to the page named in
   <html data-legacy>, keeping the query and fragment. A browser below
   what the page needs gets the page's #too-old message (static HTML,
   shown by a class on <html>), with the detected browser filled in.
   The loader calls opennessBoot.started() or opennessBoot.failed(error);
   an error before the app started is shown in #boot-failed, never a
   white page. */
(function () {
  var root = document.documentElement;
  var W = window.WebAssembly;

  function valid(bytes) {
    try {
      return W.validate(new Uint8Array(bytes));
    } catch (e) {
      return false;
    }
  }

  var floor = !!W && typeof W.validate === 'function' && typeof Uint8Array !== 'undefined' &&
    typeof Promise !== 'undefined' && typeof Promise.any === 'function' &&
    typeof String.prototype.replaceAll === 'function' && typeof fetch === 'function' &&
    typeof TextDecoder === 'function' && typeof BigInt === 'function' &&
    // sign-ext: i32.extend8_s
    valid([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 192, 26, 11]) &&
    // bulk memory: memory.copy
    valid([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 14, 1, 12, 0, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 11]) &&
    // non-trapping float-to-int: i32.trunc_sat_f32_s
    valid([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 12, 1, 10, 0, 67, 0, 0, 0, 0, 252, 0, 26, 11]) &&
    // mutable globals: import and export a mutable i32
    valid([0, 97, 115, 109, 1, 0, 0, 0, 2, 8, 1, 1, 97, 1, 98, 3, 127, 1, 6, 6, 1, 127, 1, 65, 0, 11, 7, 5, 1, 1, 97, 3, 1]);

  var modern = floor &&
    // SIMD128: i8x16.splat
    valid([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]) &&
    // reference types: ref.null extern
    valid([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 7, 1, 5, 0, 208, 112, 26, 11]) &&
    // multi-value: a function returning two i32
    valid([0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 65, 0, 11]);

  var needs = root.getAttribute('data-needs');
  var legacy = root.getAttribute('data-legacy');
  var able = needs === 'modern' ? modern : floor;
  var state = { floor: floor, modern: modern, go: false, done: false };
  window.opennessBoot = state;

  function addClass(name) {
    root.className = (root.className ? root.className + ' ' : '') + name;
  }

  // What the browser calls itself, shortened for the message.
  function browserName() {
    var ua = navigator.userAgent || '';
    var parts = [];
    var m = ua.match(/(360SE|360EE|QIHU 360SE|QIHU 360EE|QQBrowser|Edg|Chrome|Chromium|Firefox|Version)\/?\s*[\d.]*/g);
    if (m) {
      parts = m;
    } else if (/Trident|MSIE/.test(ua)) {
      parts = ['Internet Explorer (IE 模式 IE mode)'];
    }
    return (parts.join(' ') || ua).slice(0, 200);
  }

  function whenBody(f) {
    if (document.body) {
      f();
    } else {
      document.addEventListener('DOMContentLoaded', f);
    }
  }

  function setText(id, text) {
    whenBody(function () {
      var el = document.getElementById(id);
      if (el) {
        el.textContent = text;
      }
    });
  }

  if (needs === 'modern' && !modern && floor && legacy) {
    location.replace(legacy + location.search + location.hash);
    return;
  }
  if (!able) {
    addClass('too-old');
    setText('too-old-ua', browserName());
    return;
  }
  state.go = true;

  state.started = function () {
    state.done = true;
    whenBody(function () {
      var el = document.getElementById('boot');
      if (el && el.parentNode) {
        el.parentNode.removeChild(el);
      }
    });
  };

  state.failed = function (error) {
    if (state.done) {
      return;
    }
    state.done = true;
    addClass('boot-failed');
    setText('boot-error', String((error && (error.stack || error.message)) || error).slice(0, 600));
  };

  window.addEventListener('error', function (event) {
    if (!state.done) {
      state.failed(event.error || event.message || '脚本错误 script error');
    }
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (!state.done) {
      state.failed(event.reason);
    }
  });
})();
