"""The Referentielijsten & Selectielijst register (API 0.6.0, RULES.md 8).

Serves VNG's reference lists read-only and without authentication: the Selectielijst's
procestypen and resultaten (selectielijstklassen), the generic resultaattypeomschrijvingen and
the communicatiekanalen. The data are packaged with the project (``data/``, see its
``SOURCES.md``) and held in memory; URLs are ``{ZAAKWERK_PUBLIC_URL}/referentielijsten/api/v1/
<resource>/<uuid>`` with the UUIDs of the published data.

Other registers resolve these URLs in-process (``loaders.py``), without HTTP.

``ZGW_REFERENTIELIJSTEN_URL`` names an external Referentielijsten API (for instance a national
instance) that catalogs of this deployment refer to instead. URLs of that API are not
URLs of this deployment, so :mod:`zaakwerk.core.references` fetches them over HTTP (with its
cache) when a reference is validated. The built-in API keeps being served either way, so
references made to it earlier stay valid.
"""
