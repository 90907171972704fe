x = 'aÿþb'
