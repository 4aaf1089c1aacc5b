#!/usr/bin/env python3
"""Hand-made BIFF8/BIFF5 .xls files with a minimal CFB writer. Usage: xls_hand.py OUTDIR"""
import sys, os, struct

OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/wbcorpus'
os.makedirs(OUT, exist_ok=True)
ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


# ------------------------------------------------------------------ CFB writer
def cfb(streams, sector_shift=9):
    """streams: list of (name, bytes). Streams < 4096 go to the mini stream."""
    SS = 1 << sector_shift
    MSS = 64
    mini_data = bytearray()
    minifat = []
    entries = []  # (name, start, size, is_mini)
    big = []
    for name, data in streams:
        if len(data) < 4096:
            start = len(mini_data) // MSS
            n = max(1, (len(data) + MSS - 1) // MSS) if data else 0
            for i in range(n):
                minifat.append(start + i + 1 if i < n - 1 else ENDOFCHAIN)
            mini_data += data + b'\0' * (n * MSS - len(data))
            entries.append([name, start if n else ENDOFCHAIN, len(data), True])
        else:
            entries.append([name, None, len(data), False])
            big.append((len(entries) - 1, data))

    def nsec(b):
        return (b + SS - 1) // SS

    # layout: [FAT...][DIR...][MINIFAT...][MINISTREAM...][big streams...]
    ndir = nsec((len(entries) + 1) * 128)
    nminifat = nsec(len(minifat) * 4) if minifat else 0
    nmini = nsec(len(mini_data)) if mini_data else 0
    nbig = sum(nsec(len(d)) for _, d in big)
    nfat = 1
    while True:
        total = nfat + ndir + nminifat + nmini + nbig
        if nfat * (SS // 4) >= total:
            break
        nfat += 1
    assert nfat <= 109, 'DIFAT sectors not implemented'
    fat = [FREESECT] * (nfat * (SS // 4))
    s = 0
    for i in range(nfat):
        fat[s] = FATSECT; s += 1

    def chain(n):
        nonlocal s
        st = s
        for i in range(n):
            fat[s] = s + 1 if i < n - 1 else ENDOFCHAIN
            s += 1
        return st if n else ENDOFCHAIN
    dir_start = chain(ndir)
    minifat_start = chain(nminifat)
    mini_start = chain(nmini)
    body = bytearray()
    for idx, d in big:
        entries[idx][1] = chain(nsec(len(d)))
    # directory
    def de(name, typ, left, right, child, start, size):
        n = (name + '\0').encode('utf-16-le') if name else b''
        e = n.ljust(64, b'\0') + struct.pack('<HBB', len(n), typ, 1)  # black
        e += struct.pack('<III', left, right, child) + b'\0' * 16 + struct.pack('<I', 0) + b'\0' * 16
        e += struct.pack('<IQ', start, size)
        assert len(e) == 128
        return e
    order = sorted(range(len(entries)), key=lambda i: (len(entries[i][0]), entries[i][0].upper()))
    # root child = middle, simple chain via right siblings from sorted order
    NOSTREAM = 0xFFFFFFFF
    dirents = [de('Root Entry', 5, NOSTREAM, NOSTREAM, order[0] + 1 if order else NOSTREAM,
                  mini_start if nmini else ENDOFCHAIN, len(mini_data))]
    rights = {}
    for a, b in zip(order, order[1:]):
        rights[a] = b + 1
    for i, (name, start, size, _) in enumerate(entries):
        dirents.append(de(name, 2, NOSTREAM, rights.get(i, NOSTREAM), NOSTREAM, start, size))
    dirb = b''.join(dirents)
    dirb += b''.join(de('', 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0) for _ in range(ndir * SS // 128 - len(dirents)))
    dirb = bytearray(dirb)
    for k in range(len(dirents), ndir * SS // 128):  # unused entries: all-zero name + NOSTREAM links
        pass
    hdr = bytearray(b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 16)
    hdr += struct.pack('<HHHHH', 0x3E, 3 if sector_shift == 9 else 4, 0xFFFE, sector_shift, 6)
    hdr += b'\0' * 6
    hdr += struct.pack('<I', ndir if sector_shift == 12 else 0)
    hdr += struct.pack('<IIIIIIII', nfat, dir_start, 0, 4096, minifat_start if nminifat else ENDOFCHAIN, nminifat, ENDOFCHAIN, 0)
    difat = list(range(nfat)) + [FREESECT] * (109 - nfat)
    hdr += struct.pack('<109I', *difat)
    assert len(hdr) == 512
    hdr = bytes(hdr).ljust(SS, b'\0')
    out = bytearray(hdr)
    out += struct.pack(f'<{len(fat)}I', *fat)
    out += dirb.ljust(ndir * SS, b'\0')
    mf = minifat + [FREESECT] * (nminifat * SS // 4 - len(minifat))
    out += struct.pack(f'<{len(mf)}I', *mf) if nminifat else b''
    out += bytes(mini_data).ljust(nmini * SS, b'\0')
    for _, d in big:
        out += d.ljust(nsec(len(d)) * SS, b'\0')
    return bytes(out)


# ------------------------------------------------------------------ BIFF8 helpers
def rec(t, data=b''):
    return struct.pack('<HH', t, len(data)) + data


def xlstr(s, lenbytes=2):
    """XLUnicodeString (lenbytes=2) / ShortXLUnicodeString (1)."""
    try:
        b = s.encode('latin-1'); fl = 0
    except UnicodeEncodeError:
        b = s.encode('utf-16-le'); fl = 1
    n = len(s.encode('utf-16-le')) // 2
    return (struct.pack('<H', n) if lenbytes == 2 else struct.pack('<B', n)) + bytes([fl]) + b


def rk_encode(v):
    if float(v).is_integer() and -2**29 <= v < 2**29:
        return ((int(v) << 2) | 2) & 0xFFFFFFFF
    if float(v * 100).is_integer() and -2**29 <= v * 100 < 2**29:
        return ((int(v * 100) << 2) | 3) & 0xFFFFFFFF
    b = struct.pack('<d', v)
    if b[:4] == b'\0\0\0\0':
        return struct.unpack('<I', b[4:])[0] & 0xFFFFFFFC
    b = struct.pack('<d', v * 100)
    if b[:4] == b'\0\0\0\0':
        return (struct.unpack('<I', b[4:])[0] & 0xFFFFFFFC) | 1
    return None


BOF_GLOBALS = rec(0x0809, struct.pack('<HHHHII', 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
BOF_SHEET = rec(0x0809, struct.pack('<HHHHII', 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
EOF = rec(0x000A)


def font(name='宋体', height=220, bold=False):
    return rec(0x0031, struct.pack('<HHHHHBBBB', height, 0, 0x7FFF, 700 if bold else 400, 0, 0, 0, 134, 0) + xlstr(name, 1))


def xf(ifnt, ifmt, style=False):
    flags = 0xFFF5 if style else 0x0001
    return rec(0x00E0, struct.pack('<HHHHHHIH', ifnt, ifmt, flags, 0x20, 0, 0, 0, 0x20C0))


class Book:
    def __init__(self, date1904=False, codepage=1200):
        self.sst = []
        self.sst_idx = {}
        self.sst_total = 0
        self.formats = []  # (id, code)
        self.cell_fmts = [0]  # ifmt per cell XF (index 15+i)
        self.sheets = []
        self.date1904 = date1904
        self.codepage = codepage
        self.sst_raw = None  # optional raw list of pre-encoded string bodies (for rich/phonetic)

    def s(self, text):
        self.sst_total += 1
        if text not in self.sst_idx:
            self.sst_idx[text] = len(self.sst)
            self.sst.append(text)
        return self.sst_idx[text]

    def fmt(self, ifmt, code=None):
        if code is not None and all(f[0] != ifmt for f in self.formats):
            self.formats.append((ifmt, code))
        if ifmt not in self.cell_fmts:
            self.cell_fmts.append(ifmt)
        return 15 + self.cell_fmts.index(ifmt)

    def sst_records(self, bodies):
        """Serialize SST with CONTINUE splitting (max 8224 bytes/record); strings split across records
        get a fresh 1-byte grbit at the start of the CONTINUE. Rich runs/ExtRst are split as plain bytes."""
        MAX = 8224
        recs = []
        cur = bytearray(struct.pack('<II', self.sst_total, len(bodies)))
        for hdr, chars, high, tail in bodies:
            # header must not be split
            if len(cur) + len(hdr) + (1 if high else 1) > MAX:
                recs.append(cur); cur = bytearray()
            cur += hdr
            cw = 2 if high else 1
            pos = 0
            while pos < len(chars):
                room = (MAX - len(cur)) // cw * cw
                if room <= 0:
                    recs.append(cur); cur = bytearray([1 if high else 0])
                    continue
                take = chars[pos:pos + room]
                cur += take; pos += len(take)
                if pos < len(chars):
                    recs.append(cur); cur = bytearray([1 if high else 0])
            tp = 0
            while tp < len(tail):
                room = MAX - len(cur)
                if room <= 0:
                    recs.append(cur); cur = bytearray(); continue
                cur += tail[tp:tp + room]; tp += room
        recs.append(cur)
        out = rec(0x00FC, bytes(recs[0]))
        for r in recs[1:]:
            out += rec(0x003C, bytes(r))
        return out

    def encode_sst(self):
        bodies = []
        for t in self.sst:
            if isinstance(t, tuple):  # pre-built (hdr, chars, high, tail)
                bodies.append(t[1]); continue
            try:
                ch = t.encode('latin-1'); high = False
            except UnicodeEncodeError:
                ch = t.encode('utf-16-le'); high = True
            n = len(t.encode('utf-16-le')) // 2
            bodies.append((struct.pack('<HB', n, 1 if high else 0), ch, high, b''))
        return self.sst_records(bodies)

    def add_sheet(self, name, hidden=0):
        sh = {'name': name, 'hidden': hidden, 'cells': bytearray(), 'merges': [], 'rows': set(), 'cols': set()}
        self.sheets.append(sh)
        return sh

    def _mark(self, sh, r, c):
        sh['rows'].add(r); sh['cols'].add(c)

    def label_sst(self, sh, r, c, text, xfi=15):
        self._mark(sh, r, c)
        sh['cells'] += rec(0x00FD, struct.pack('<HHHI', r, c, xfi, self.s(text)))

    def label(self, sh, r, c, text, xfi=15):
        self._mark(sh, r, c)
        sh['cells'] += rec(0x0204, struct.pack('<HHH', r, c, xfi) + xlstr(text))

    def number(self, sh, r, c, v, xfi=15):
        self._mark(sh, r, c)
        sh['cells'] += rec(0x0203, struct.pack('<HHHd', r, c, xfi, v))

    def rk(self, sh, r, c, v, xfi=15):
        self._mark(sh, r, c)
        k = rk_encode(v); assert k is not None, v
        sh['cells'] += rec(0x027E, struct.pack('<HHHI', r, c, xfi, k))

    def mulrk(self, sh, r, c0, vals, xfi=15):
        for i in range(len(vals)): self._mark(sh, r, c0 + i)
        d = struct.pack('<HH', r, c0) + b''.join(struct.pack('<HI', xfi, rk_encode(v)) for v in vals) + struct.pack('<H', c0 + len(vals) - 1)
        sh['cells'] += rec(0x00BD, d)

    def boolerr(self, sh, r, c, val, is_err, xfi=15):
        self._mark(sh, r, c)
        sh['cells'] += rec(0x0205, struct.pack('<HHHBB', r, c, xfi, val, 1 if is_err else 0))

    def blank(self, sh, r, c, xfi=15):
        self._mark(sh, r, c)
        sh['cells'] += rec(0x0201, struct.pack('<HHH', r, c, xfi))

    def formula(self, sh, r, c, rgce, cached, xfi=15, extra=b'', grbit=0):
        """cached: float | str | bool | ('err', code) | '' (empty string)"""
        self._mark(sh, r, c)
        post = b''
        if isinstance(cached, bool):
            val = bytes([1, 0, int(cached), 0, 0, 0, 0xFF, 0xFF])
        elif isinstance(cached, tuple):
            val = bytes([2, 0, cached[1], 0, 0, 0, 0xFF, 0xFF])
        elif isinstance(cached, str):
            if cached == '':
                val = bytes([3, 0, 0, 0, 0, 0, 0xFF, 0xFF])
            else:
                val = bytes([0, 0, 0, 0, 0, 0, 0xFF, 0xFF])
                post = rec(0x0207, xlstr(cached))
        else:
            val = struct.pack('<d', cached)
        sh['cells'] += rec(0x0006, struct.pack('<HHH', r, c, xfi) + val + struct.pack('<HIH', grbit, 0, len(rgce)) + rgce) + extra + post

    def merge(self, sh, r0, r1, c0, c1):
        sh['merges'].append((r0, r1, c0, c1))

    def build(self, pad_to=None):
        g = bytearray(BOF_GLOBALS)
        g += rec(0x00E1, struct.pack('<H', 0x04B0))  # INTERFACEHDR
        g += rec(0x0042, struct.pack('<H', self.codepage))
        g += rec(0x003D, struct.pack('<HHHHHHHHH', 0, 0, 0x4000, 0x2000, 0x38, 0, 0, 1, 0x258))  # WINDOW1
        g += rec(0x0022, struct.pack('<H', 1 if self.date1904 else 0))
        for i in range(4):
            g += font(bold=(i == 1))
        g += font('Arial')
        for ifmt, code in self.formats:
            g += rec(0x041E, struct.pack('<H', ifmt) + xlstr(code))
        for i in range(15):
            g += xf(0 if i == 0 else 1, 0, style=True)
        for ifmt in self.cell_fmts:
            g += xf(0, ifmt)
        g += rec(0x0293, struct.pack('<HBB', 0x8000, 0, 0xFF))  # STYLE Normal builtin
        bs_pos = []
        for sh in self.sheets:
            bs_pos.append(len(g) + 4)
            g += rec(0x0085, struct.pack('<IBB', 0, sh['hidden'], 0) + xlstr(sh['name'], 1))
        g += self.encode_sst()
        if pad_to is not None:
            pass
        g += EOF
        stream = bytearray(g)
        for i, sh in enumerate(self.sheets):
            struct.pack_into('<I', stream, bs_pos[i], len(stream))
            s = bytearray(BOF_SHEET)
            rows, cols = sh['rows'], sh['cols']
            if rows:
                s += rec(0x0200, struct.pack('<IIHHH', min(rows), max(rows) + 1, min(cols), max(cols) + 1, 0))
            else:
                s += rec(0x0200, struct.pack('<IIHHH', 0, 0, 0, 0, 0))
            s += sh['cells']
            s += rec(0x023E, struct.pack('<HHHHHHHHH', 0x06B6 if i == 0 else 0x02B6, 0, 0, 64, 0, 0, 0, 0, 0))
            if sh['merges']:
                s += rec(0x00E5, struct.pack('<H', len(sh['merges'])) + b''.join(struct.pack('<HHHH', *m) for m in sh['merges']))
            s += EOF
            stream += s
        return bytes(stream)


def ptg_int(n): return bytes([0x1E]) + struct.pack('<H', n)
def ptg_num(x): return bytes([0x1F]) + struct.pack('<d', x)
def ptg_ref(r, c): return bytes([0x24]) + struct.pack('<HH', r, c | 0xC000)
def ptg_str(s): return bytes([0x17]) + xlstr(s, 1)
ADD, MUL, DIV, CONCAT, GT = b'\x03', b'\x05', b'\x06', b'\x08', b'\x0D'
def ptg_func(iftab): return bytes([0x41]) + struct.pack('<H', iftab)  # ptgFunc (value class)


def write(name, data, **kw):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(cfb([('Workbook', data)], **kw))
    print('wrote', name, 'stream', len(data))


# ------------------------------------------------------------------ x01 tiny (mini stream)
b = Book()
sh = b.add_sheet('统计 表1')
b.label_sst(sh, 0, 0, '地区'); b.label_sst(sh, 0, 1, '数值'); b.label_sst(sh, 0, 2, 'RK/MULRK')
b.label_sst(sh, 1, 0, '北京'); b.rk(sh, 1, 1, 100); b.mulrk(sh, 1, 2, [1, 2.5, -3, 0.01, 0.5, -1.75, 536870911])
b.label_sst(sh, 2, 0, '上海'); b.number(sh, 2, 1, 0.1 + 0.2)
b.label_sst(sh, 3, 0, '北京')  # repeated SST
b.number(sh, 3, 1, 1e20)
b.label(sh, 4, 0, 'LABEL记录（非SST）'); b.number(sh, 4, 1, 110105194912310021.0)
b.label_sst(sh, 4, 2, '110105194912310021')
b.label_sst(sh, 5, 0, '布尔'); b.boolerr(sh, 5, 1, 1, False); b.boolerr(sh, 5, 2, 0, False)
b.label_sst(sh, 6, 0, '错误'); b.boolerr(sh, 6, 1, 0x2A, True); b.boolerr(sh, 6, 2, 0x07, True); b.boolerr(sh, 6, 3, 0x0F, True)
b.boolerr(sh, 6, 4, 0x17, True); b.boolerr(sh, 6, 5, 0x1D, True); b.boolerr(sh, 6, 6, 0x24, True); b.boolerr(sh, 6, 7, 0x00, True)
b.label_sst(sh, 8, 0, '合并 A9:C9'); b.merge(sh, 8, 8, 0, 2)
b.label_sst(sh, 9, 0, '纵向合并'); b.merge(sh, 9, 11, 0, 0)
b.blank(sh, 12, 3)
b.number(sh, 13, 0, -1234.5); b.rk(sh, 13, 1, -0.5)
b.label_sst(sh, 14, 0, 'Latin-1 café')
sh2 = b.add_sheet('隐藏页', hidden=1)
b.label_sst(sh2, 0, 0, '隐藏内容')
b.add_sheet('空 表')
sh4 = b.add_sheet('极隐藏', hidden=2)
b.label_sst(sh4, 2, 2, 'C3 很隐藏')
write('x01_tiny_ministream_cells.xls', b.build())

# ------------------------------------------------------------------ x02 formulas with cached values
b = Book()
sh = b.add_sheet('公式')
b.label_sst(sh, 0, 0, '数值公式'); b.rk(sh, 0, 1, 6); b.rk(sh, 0, 2, 7)
b.formula(sh, 0, 3, ptg_ref(0, 1) + ptg_ref(0, 2) + MUL, 42.0)
b.label_sst(sh, 1, 0, '字符串公式(STRING记录)'); b.formula(sh, 1, 1, ptg_str('中') + ptg_str('文') + CONCAT, '中文')
b.label_sst(sh, 2, 0, '布尔公式'); b.formula(sh, 2, 1, ptg_int(1) + ptg_int(0) + GT, True)
b.label_sst(sh, 3, 0, '错误公式 #DIV/0!'); b.formula(sh, 3, 1, ptg_int(1) + ptg_int(0) + DIV, ('err', 0x07))
b.label_sst(sh, 4, 0, '错误公式 #N/A'); b.formula(sh, 4, 1, ptg_func(10), ('err', 0x2A))
b.label_sst(sh, 5, 0, '空字符串结果'); b.formula(sh, 5, 1, ptg_str(''), '')
b.label_sst(sh, 6, 0, '日期公式 DATE'); 
datexf = b.fmt(14)
b.formula(sh, 6, 1, ptg_int(2024) + ptg_int(2) + ptg_int(29) + bytes([0x41]) + struct.pack('<H', 65), 45351.0, xfi=datexf)
b.label_sst(sh, 7, 0, '长字符串结果'); b.formula(sh, 7, 1, ptg_str('甲' * 100), '甲' * 100)
# shared formula: B10:B13 = A*2 via ptgExp + SHRFMLA
for r in range(9, 13):
    b.rk(sh, r, 0, r)
ptgexp = bytes([0x01]) + struct.pack('<HH', 9, 1)
shr_rgce = bytes([0x2C]) + struct.pack('<HH', 0, 0xFFFF & (0xC000 | 0xFF)) + ptg_int(2) + MUL  # RefN: same row, col -1 (relative)
shr = rec(0x04BC, struct.pack('<HHBBBB', 9, 12, 1, 1, 0, 4) + struct.pack('<H', len(shr_rgce)) + shr_rgce)
b.formula(sh, 9, 1, ptgexp, 18.0, extra=shr, grbit=8)
for r in range(10, 13):
    b.formula(sh, r, 1, ptgexp, float(r * 2), grbit=8)
b.label_sst(sh, 8, 0, '共享公式 B10:B13 = A*2')
write('x02_formulas_cached_shared.xls', b.build())

# ------------------------------------------------------------------ x03 SST with CONTINUE splits, rich text & phonetic ExtRst
b = Book()
sh = b.add_sheet('SST 续记录')
r = 0
# many unique strings so SST spans several CONTINUE records
for i in range(1500):
    b.label_sst(sh, r, 0, f'单位名称{i:04d}号 统计局'); b.rk(sh, r, 1, i); r += 1
# long strings that cross the 8224-byte boundary: compressed (latin-1) and uncompressed (CJK)
b.label_sst(sh, r, 0, 'L' * 9000); r += 1
b.label_sst(sh, r, 0, '长' * 5000); r += 1
b.label_sst(sh, r, 0, ('ascii' * 1000) + '然后中文' * 1000); r += 1
# rich-text string with runs (fRichSt) and phonetic ExtRst (fExtSt)
def rich_body(text, runs, phon=None):
    ch = text.encode('utf-16-le'); n = len(ch) // 2
    fl = 1 | (8 if runs else 0) | (4 if phon else 0)
    hdr = struct.pack('<HB', n, fl)
    if runs: hdr += struct.pack('<H', len(runs))
    tail = b''.join(struct.pack('<HH', a, f) for a, f in runs)
    if phon:
        pch = phon.encode('utf-16-le'); pn = len(pch) // 2
        # ExtRst: reserved(2)=1, cb(2), ifnt(2), phs(2), rphssub: crun(2) cch(2) cch(2) + chars, rgphruns(6 each)
        rphs = struct.pack('<HHH', 1, pn, pn) + pch
        runsb = struct.pack('<HHH', 0, n, pn)
        body = struct.pack('<HH', 0, 0) + rphs + runsb
        ext = struct.pack('<HH', 1, len(body)) + body
        hdr += struct.pack('<I', len(ext))
        tail += ext
    return (text, (hdr, ch, True, tail))
for t, runs, phon in [('富文本粗体普通', [(0, 1), (3, 0)], None), ('東京都', [], 'トウキョウト'), ('重庆市富文本注音', [(2, 1)], 'chóngqìng')]:
    key = rich_body(t, runs, phon)
    b.sst_idx[key] = len(b.sst); b.sst.append(key); b.sst_total += 1
    sh['cells'] += rec(0x00FD, struct.pack('<HHHI', r, 0, 15, b.sst_idx[key])); b._mark(sh, r, 0); r += 1
# put a rich+phonetic string right at the boundary region too: many more strings after
for i in range(800):
    b.label_sst(sh, r, 0, f'后续字符串{i}'); r += 1
write('x03_sst_continue_rich_phonetic.xls', b.build())

# ------------------------------------------------------------------ x04 1904 + date formats
for mode in (True, False):
    b = Book(date1904=mode)
    sh = b.add_sheet('日期1904' if mode else '日期1900')
    fmts = [(14, None), (15, None), (16, None), (17, None), (18, None), (19, None), (20, None), (21, None), (22, None), (45, None), (46, None), (47, None),
            (164, 'yyyy-mm-dd'), (165, 'yyyy"年"m"月"d"日"'), (166, '[h]:mm:ss'), (167, 'hh:mm'), (168, 'm/d/yy h:mm'), (49, None), (169, '0.00'), (3, None),
            (170, '[DBNum1][$-804]yyyy"年"m"月"d"日"'), (31, None), (57, None)]
    b.label_sst(sh, 0, 0, 'ifmt'); b.label_sst(sh, 0, 1, '值')
    for i, (fid, code) in enumerate(fmts, start=1):
        x = b.fmt(fid, code)
        b.label_sst(sh, i, 0, f'格式 {fid} {code or "内置"}')
        b.number(sh, i, 1, 43296.573263888889, xfi=x)
    b.label_sst(sh, 30, 0, '零值'); b.rk(sh, 30, 1, 0, xfi=b.fmt(164))
    b.label_sst(sh, 31, 0, '60 (1900闰年bug)'); b.rk(sh, 31, 1, 60, xfi=b.fmt(164))
    write('x04_date1904.xls' if mode else 'x04b_date1900_formats.xls', b.build())

# ------------------------------------------------------------------ x05 Workbook stream exactly 4096 bytes (boundary: must be in regular FAT, not mini)
def exact(target):
    pad = 0
    while True:
        b = Book()
        sh = b.add_sheet('边界4096')
        b.label_sst(sh, 0, 0, '工作簿流长度正好 4096 字节'); b.number(sh, 1, 0, 4096)
        b.sst.append('P' * pad); b.sst_total += 0
        data = b.build()
        if len(data) == target:
            return data
        if len(data) > target:
            raise SystemExit('overshoot')
        pad += target - len(data)
write('x05_stream_exact_4096.xls', exact(4096))
b = Book(); sh = b.add_sheet('边界4095')
b.label_sst(sh, 0, 0, '工作簿流长度 4095 字节 (迷你流)'); b.number(sh, 1, 0, 4095)
d0 = b.build(); b.sst.append('P' * (4095 - len(d0) - 3)); d = b.build(); assert len(d) == 4095, len(d)
write('x05b_stream_4095_mini.xls', d)

# ------------------------------------------------------------------ x06 CFB version 4 (4096-byte sectors)
b = Book(); sh = b.add_sheet('CFB v4')
b.label_sst(sh, 0, 0, '4096字节扇区的复合文档'); b.number(sh, 0, 1, 3.14)
for i in range(1, 300):
    b.label_sst(sh, i, 0, f'行{i} 使流大于4096'); b.rk(sh, i, 1, i)
write('x06_cfb_v4_4096_sectors.xls', b.build(), sector_shift=12)

# ------------------------------------------------------------------ x07 BIFF5 with GBK codepage (stream "Book")
def biff5():
    def s8(t, lb=1):
        e = t.encode('gbk')
        return (struct.pack('<B', len(e)) if lb == 1 else struct.pack('<H', len(e))) + e
    g = bytearray(rec(0x0809, struct.pack('<HHHH', 0x0500, 0x0005, 0x096C, 0x07C9)))
    g += rec(0x0042, struct.pack('<H', 936))
    g += rec(0x0022, struct.pack('<H', 0))
    for i in range(5):
        e = '宋体'.encode('gbk')
        g += rec(0x0031, struct.pack('<HHHHHBBBB', 220, 0, 0x7FFF, 400, 0, 0, 0, 134, 0) + struct.pack('<B', len(e)) + e)
    g += rec(0x041E, struct.pack('<H', 164) + s8('yyyy"年"m"月"d"日"'))
    for i in range(15):
        g += rec(0x00E0, struct.pack('<HHHHHHHH', 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0))
    g += rec(0x00E0, struct.pack('<HHHHHHHH', 0, 0, 0x0001, 0x20, 0, 0, 0, 0))
    g += rec(0x00E0, struct.pack('<HHHHHHHH', 0, 164, 0x0001, 0x20, 0, 0, 0, 0))
    pos = len(g) + 4
    g += rec(0x0085, struct.pack('<IBB', 0, 0, 0) + s8('第一页'))
    g += EOF
    st = bytearray(g)
    struct.pack_into('<I', st, pos, len(st))
    s = bytearray(rec(0x0809, struct.pack('<HHHH', 0x0500, 0x0010, 0x096C, 0x07C9)))
    s += rec(0x0200, struct.pack('<HHHHH', 0, 4, 0, 2, 0))
    s += rec(0x0204, struct.pack('<HHH', 0, 0, 15) + s8('地区', 2))
    s += rec(0x0204, struct.pack('<HHH', 0, 1, 15) + s8('GBK编码数值', 2))
    s += rec(0x0204, struct.pack('<HHH', 1, 0, 15) + s8('内蒙古自治区', 2))
    s += rec(0x0203, struct.pack('<HHHd', 1, 1, 15, 2404.92))
    s += rec(0x0204, struct.pack('<HHH', 2, 0, 15) + s8('日期', 2))
    s += rec(0x027E, struct.pack('<HHHI', 2, 1, 16, rk_encode(45123)))
    s += rec(0x0204, struct.pack('<HHH', 3, 0, 15) + s8('锟斤拷 ￥ 符号', 2))
    s += rec(0x0205, struct.pack('<HHHBB', 3, 1, 15, 1, 0))
    s += EOF
    return bytes(st + s)
data = biff5()
with open(os.path.join(OUT, 'x07_biff5_gbk_codepage936.xls'), 'wb') as f:
    f.write(cfb([('Book', data)]))
print('wrote x07_biff5_gbk_codepage936.xls')

# ------------------------------------------------------------------ x08 extra CFB streams (SummaryInformation-like junk + Workbook big)
b = Book(); sh = b.add_sheet('多流')
for i in range(400):
    b.label_sst(sh, i, 0, f'第{i}行'); b.number(sh, i, 1, i * 0.1)
wbdata = b.build()
with open(os.path.join(OUT, 'x08_cfb_multi_streams.xls'), 'wb') as f:
    f.write(cfb([('Workbook', wbdata), ('\x05SummaryInformation', b'\xfe\xff' + b'\0' * 46), ('\x05DocumentSummaryInformation', b'\xfe\xff' + b'\0' * 46),
                 ('CompObj', b'\x01\xfe' + b'\0' * 100)]))
print('wrote x08_cfb_multi_streams.xls')

# ------------------------------------------------------------------ x09 encrypted-looking: FILEPASS (RC4 CryptoAPI) after BOF; records not really encrypted
b = Book(); sh = b.add_sheet('加密')
b.label_sst(sh, 0, 0, '这个文件声称已加密')
data = bytearray(b.build())
hdr = struct.pack('<HHH', 1, 2, 2)  # wEncryptionType=RC4, CryptoAPI version 2.2 (vMajor=2? use 4.2 style header)
import random as _r; _r.seed(7)
fp = struct.pack('<H', 1) + struct.pack('<HH', 1, 1) + bytes(_r.getrandbits(8) for _ in range(48))  # RC4 v1.1: salt, verifier, verifierHash
ins = rec(0x002F, fp)
data = bytes(data[:20]) + ins + bytes(data[20:])
# fix BOUNDSHEET offsets after insertion
out = bytearray(data); p = 0
while p < len(out):
    t, l = struct.unpack_from('<HH', out, p)
    if t == 0x0085:
        struct.pack_into('<I', out, p + 4, struct.unpack_from('<I', out, p + 4)[0] + len(ins))
    if t == 0x000A: break
    p += 4 + l
write('x09_encrypted_filepass_rc4.xls', bytes(out))

# ------------------------------------------------------------------ x10 encrypted-looking xlsx (OLE container with EncryptionInfo/EncryptedPackage)
_r.seed(8)
with open(os.path.join(OUT, 'x10_encrypted_ole_container.xlsx'), 'wb') as f:
    f.write(cfb([('EncryptionInfo', struct.pack('<HHI', 4, 4, 0x40) + bytes(_r.getrandbits(8) for _ in range(200))),
                 ('EncryptedPackage', struct.pack('<Q', 6000) + bytes(_r.getrandbits(8) for _ in range(6016)))]))
print('wrote x10_encrypted_ole_container.xlsx')
