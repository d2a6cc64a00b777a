# A small sample for trying Prediction Guard: select a function, then run
# "Prediction Guard: Explain Selection" (right-click → Prediction Guard).
from dataclasses import dataclass, field


@dataclass
class Item:
    price: float
    quantity: int


@dataclass
class Order:
    id: str
    items: list[Item] = field(default_factory=list)
    coupon: str | None = None


def order_total(order: Order) -> float:
    total = 0.0
    for item in order.items:
        if item.quantity > 0:
            total += item.price * item.quantity
    return total / 2 if order.coupon == "HALF" else total


def largest_order(orders: list[Order]) -> Order | None:
    best = None
    for order in orders:
        if best is None or order_total(order) > order_total(best):
            best = order
    return best
