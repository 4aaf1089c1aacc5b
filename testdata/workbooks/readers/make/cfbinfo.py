import sys, struct
for fn in sys.argv[1:]:
    d = open(fn, 'rb').read()
    if d[:8] != b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1': print(fn, 'not CFB'); continue
    ss = 1 << struct.unpack_from('<H', d, 30)[0]; nfat = struct.unpack_from('<I', d, 44)[0]; dstart = struct.unpack_from('<I', d, 48)[0]
    ndifat = struct.unpack_from('<I', d, 72)[0]
    fat_secs = [x for x in struct.unpack_from('<109I', d, 76) if x < 0xFFFFFFFA]
    fat = []
    for s in fat_secs: fat += struct.unpack_from(f'<{ss//4}I', d, (s + 1) * ss)
    ents = []; s = dstart
    while s < 0xFFFFFFFA:
        sec = d[(s + 1) * ss:(s + 2) * ss]
        for k in range(0, ss, 128):
            e = sec[k:k+128]; nl = struct.unpack_from('<H', e, 64)[0]
            if e[66] in (1, 2, 5): ents.append((e[:max(nl-2,0)].decode('utf-16-le'), struct.unpack_from('<Q', e, 120)[0]))
        s = fat[s] if s < len(fat) else 0xFFFFFFFE
    print(fn.split('/')[-1], 'sect', ss, 'nfat', nfat, 'ndifat', ndifat, ents)
