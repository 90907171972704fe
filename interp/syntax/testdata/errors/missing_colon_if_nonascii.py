if naïve == 'été'
    pass
