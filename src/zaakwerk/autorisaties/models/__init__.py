from zaakwerk.autorisaties.models.applicatie import Applicatie, Autorisatie, ClientId
from zaakwerk.autorisaties.models.credentials import ApiClient, AuthorisationsGeneration

__all__ = ["ApiClient", "Applicatie", "AuthorisationsGeneration", "Autorisatie", "ClientId"]
