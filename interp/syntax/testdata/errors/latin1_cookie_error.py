# -*- coding: latin-1 -*-
x = 'été' + (1 2)
