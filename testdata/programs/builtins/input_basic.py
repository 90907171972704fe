name = input()
print('Hello, ' + name + '!')
age = int(input('Age? '))
print('next year', age + 1)
nums = list(map(int, input().split()))
print(sum(nums), max(nums))
rest = []
while True:
    try:
        line = input()
    except EOFError:
        print('EOF reached')
        break
    rest.append(line)
print(rest)
