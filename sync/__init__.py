"""What the laptop and the centre share: the sync protocol (:mod:`sync.protocol`), the
laptop's push-and-pull engine (:mod:`sync.client`), the rules both ends apply to what
they receive (:mod:`sync.receipt_check`, :mod:`sync.rrn`, :mod:`sync.controls`), and the
hub itself (:mod:`sync.hub`).

Never imports ``fieldbus``: the client states the small interface it needs from a local
store and ``fieldbus`` implements it. Nothing here outside ``sync.hub`` imports the hub,
whose server stack is an extra a laptop does not install.
"""
