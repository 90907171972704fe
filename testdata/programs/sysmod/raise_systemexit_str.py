def main():
    raise SystemExit('raised directly with text')
main()
