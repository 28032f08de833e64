"""Site data that contributors edit in site_config/: loaded and checked here,
used by every plugin that needs it."""
