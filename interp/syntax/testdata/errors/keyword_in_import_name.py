import while
