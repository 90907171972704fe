print('init shapes package')
from .circle import area as circle_area
from . import square
__all__ = ['circle_area', 'square']
VERSION = (1, 0)
