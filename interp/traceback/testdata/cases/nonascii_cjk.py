値 = None
結果 = 値 + 1
