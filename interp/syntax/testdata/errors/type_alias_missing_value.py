type T =
