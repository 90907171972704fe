# coding: utf-8
ééé = ééé (
