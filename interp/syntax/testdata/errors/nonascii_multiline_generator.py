f(ééé for é in
 b, 1)
