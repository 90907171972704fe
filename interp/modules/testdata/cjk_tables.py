import zlib, codecs
CODECS = ['shift_jis', 'cp932', 'euc_jp', 'gb2312', 'gbk', 'gb18030', 'hz', 'big5', 'cp950', 'euc_kr', 'cp949',
          'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_ext', 'iso2022_kr', 'johab', 'big5hkscs']
# Every code point but the surrogates (0xd800-0xdfff), in chunks.
chunks = [(lo, ''.join(map(chr, range(lo, lo + 0x800)))) for lo in range(0, 0x110000, 0x800) if lo != 0xd800]
for c in CODECS:
    out = []
    for lo, chunk in chunks:
        b = chunk.encode(c, 'ignore')
        if b: out.append('%x:%08x' % (lo, zlib.crc32(b)))
    print(c, 'enc', ' '.join(out))
    out = []
    for lead in range(0x80, 0x100):
        blob = b'\n'.join(bytes((lead, t)) for t in range(256))
        s = blob.decode(c, 'backslashreplace')
        out.append('%08x' % zlib.crc32(s.encode('utf-8')))
    print(c, 'dec', ' '.join(out))
