assert ,
