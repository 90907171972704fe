def 関数():
    raise ValueError("全角")


関数()
