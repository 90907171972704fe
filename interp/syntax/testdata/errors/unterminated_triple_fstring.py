f = f'''abc {x}

