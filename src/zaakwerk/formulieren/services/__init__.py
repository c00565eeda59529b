"""The forms' rules as plain typed functions: definitions, drafts, submitting and registering."""
