import sys, struct
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
def stream(fn):
    d = open(fn, 'rb').read(); ss = 1 << struct.unpack_from('<H', d, 30)[0]
    fat = []
    for s in [x for x in struct.unpack_from('<109I', d, 76) if x < 0xFFFFFFFA]: fat += struct.unpack_from(f'<{ss//4}I', d, (s+1)*ss)
    dstart = struct.unpack_from('<I', d, 48)[0]
    def chain(s):
        out = b''
        while s < 0xFFFFFFFA: out += d[(s+1)*ss:(s+2)*ss]; s = fat[s]
        return out
    dirb = chain(dstart)
    for k in range(0, len(dirb), 128):
        e = dirb[k:k+128]; nl = struct.unpack_from('<H', e, 64)[0]; name = e[:max(nl-2,0)].decode('utf-16-le')
        if name in ('Workbook', 'Book'):
            st, sz = struct.unpack_from('<I', e, 116)[0], struct.unpack_from('<Q', e, 120)[0]
            return chain(st)[:sz]
for fn in sys.argv[1:]:
    w = stream(fn); p = 0; after_sst = False; cont = 0; bs = []
    while p + 4 <= len(w):
        t, l = struct.unpack_from('<HH', w, p)
        if t == 0x00FC: after_sst = True
        elif t == 0x003C and after_sst: cont += 1
        elif after_sst: after_sst = False
        if t == 0x0085: bs.append((w[p+8], w[p+9]))
        p += 4 + l
    print(fn.split('/')[-1], 'SST CONTINUE records:', cont, 'boundsheets(state,type):', bs)
