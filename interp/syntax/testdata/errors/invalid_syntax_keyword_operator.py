x = a and or b
