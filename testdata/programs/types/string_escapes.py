print('a\tb|c\\d|e\'f|g"h|\x41\101\u0042\N{LATIN SMALL LETTER E WITH ACUTE}')
print(r'raw\n\t', len(r'\n'), rb'raw\x00', b'\x41\102')
print('''triple "quotes" and 'single' ''', """and
newline""")
print('implicit' ' concat' " works", 'line\
continued')
print(len('\r\n'), '\0' == '\x00', ord('\a'), ord('\b'), ord('\f'), ord('\v'))
print('tab\there'.expandtabs(), 'é'.encode('unicode_escape'), ascii('日本'), ascii(['é', 1]))
