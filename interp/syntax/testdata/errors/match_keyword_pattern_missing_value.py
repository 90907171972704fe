match x:
    case a.b():
        pass
    case C(x=):
        pass
