"""The work lists' read model: the werkplek's own copy of each zaak's list fields (docs/adr/0056).

- :mod:`.rows`: a zaak as the Zaken API gives it (with ``expand``) → one :class:`ZaakRow`, and the
  one upsert that writes it, never over a newer copy;
- :mod:`.refresh`: read one zaak again through the client and write it;
- :mod:`.notifications`: what a notification on the zaken, documenten or besluiten kanaal means
  for the rows, each message handled once (docs/adr/0057);
- :mod:`.sync`: fill or repair every row from the Zaken API, page by page, resumable;
- :mod:`.subscribe`: the werkplek's abonnement on the Notificaties API;
- :mod:`.queries`: the work lists, with the user's zaaktypen applied in SQL.
"""
