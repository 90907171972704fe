température(é) = 1
