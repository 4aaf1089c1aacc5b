#!/usr/bin/env python3
"""Trunk post-build hook: pin the page's inline scripts by hash.

Trunk starts the app with one inline module script. index.html's Content
Security Policy names 'unsafe-inline' so that trunk's development server
works; for the built page this hook replaces it with the SHA-256 of each
inline script trunk wrote, so no other inline script (an injected payload
included) can run.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
    for s in scripts
)
if "'unsafe-inline'" not in html.split("script-src", 1)[1].split(";", 1)[0]:
    sys.exit("csp-hash: script-src has no 'unsafe-inline' to replace")
head, rest = html.split("script-src", 1)
directive, tail = rest.split(";", 1)
directive = directive.replace("'unsafe-inline'", hashes)
open(path, "w", encoding="utf-8").write(head + "script-src" + directive + ";" + tail)
print(f"csp-hash: {len(scripts)} inline script(s) pinned by SHA-256")
