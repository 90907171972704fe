class MyGroup(BaseExceptionGroup):
    pass


def main():
    raise MyGroup("mine", [KeyboardInterrupt(), SystemExit(3), BaseExceptionGroup("plain", [ValueError(1)])])


main()
