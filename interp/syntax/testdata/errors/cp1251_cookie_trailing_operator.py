# -*- coding: cp1251 -*-
Python = "Пітон" +
