"""zhpress/search: exact, cross-script Chinese search in Material's search box."""
