// The problems of the projection slide shown (empty when it fits):
// scrollbars, a stage off screen, cut-off or outside text. A function
// body: the Rust e2e tests (tests/src/lib.rs) and tests/fleet/chromium86.mjs
// both run it.
const problems = [];
const de = document.documentElement;
if (de.scrollWidth > innerWidth + 1 || de.scrollHeight > innerHeight + 1) problems.push('page scrolls: ' + de.scrollWidth + 'x' + de.scrollHeight);
const stage = document.querySelector('#stage');
const r = stage.getBoundingClientRect();
if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) problems.push('stage outside the screen: ' + JSON.stringify(r));
const body = stage.querySelector('.stage-body');
if (body.scrollHeight > body.clientHeight + 1) problems.push('slide body overflows: ' + body.scrollHeight + ' > ' + body.clientHeight);
for (const el of stage.querySelectorAll('*')) {
  if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push('cut off: ' + el.className + ' ' + el.textContent.slice(0, 30));
  const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
  if (text) {
    const er = el.getBoundingClientRect();
    if (er.right > r.right + 1 || er.bottom > r.bottom + 1) problems.push('text outside the stage: ' + el.textContent.slice(0, 30));
  }
}
return problems;
