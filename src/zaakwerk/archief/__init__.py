"""The archief: selecting zaken whose archiefactiedatum has passed, destroying them after a reviewed
workflow (with a verklaring van vernietiging), and transferring zaken to an e-Depot as MDTO packages.

It reaches the registers only through the ZGW APIs (``zaakwerk.client``); its own tables hold the
destruction lists, their history, the run lock and the transfer packages (docs/archief.md).
"""
