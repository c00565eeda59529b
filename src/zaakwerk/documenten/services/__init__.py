"""Business rules of the Documenten register: plain typed functions, one transaction each."""
