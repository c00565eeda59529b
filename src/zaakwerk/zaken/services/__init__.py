"""Business rules of the Zaken register: plain typed functions, one transaction each."""
