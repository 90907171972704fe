class Config:
    values = {"a": 1}
    b = values["b"]
