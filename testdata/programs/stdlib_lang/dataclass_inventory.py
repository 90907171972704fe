from dataclasses import dataclass, field
from enum import Enum
from typing import Optional


class Category(Enum):
    TOOL = "tool"
    PART = "part"


@dataclass
class Product:
    sku: str
    name: str
    category: Category
    stock: int = 0
    supplier: Optional[str] = None


@dataclass
class Inventory:
    products: dict[str, Product] = field(default_factory=dict)

    def add(self, p: Product) -> None:
        if p.sku in self.products:
            raise KeyError(f"duplicate sku {p.sku}")
        self.products[p.sku] = p

    def take(self, sku: str, n: int) -> int:
        p = self.products[sku]
        if n > p.stock:
            raise ValueError(f"only {p.stock} of {p.name} left, wanted {n}")
        p.stock -= n
        return p.stock

    def by_category(self):
        out = {}
        for p in self.products.values():
            out.setdefault(p.category, []).append(p.sku)
        return out


inv = Inventory()
inv.add(Product("H1", "hammer", Category.TOOL, 5, "acme"))
inv.add(Product("S9", "screw", Category.PART, 500))
inv.add(Product("W2", "wrench", Category.TOOL, 2))
print(inv.take("S9", 120), inv.take("H1", 5))
print(inv.by_category())
print(inv.products["H1"])
try:
    inv.add(Product("H1", "hammer2", Category.TOOL))
except KeyError as e:
    print("KeyError:", e)
inv.take("W2", 3)
