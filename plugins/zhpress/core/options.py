"""Another plugin's options, read by name from the MkDocs config (never by
importing the plugin): its defaults stand when it is not listed."""
from __future__ import annotations


def plugin_option(config, plugin: str, option: str, default):
    entry = config.plugins.get(plugin) if config.plugins else None
    if entry is None:
        return default
    return entry.config.get(option, default)


def plugin_enabled(config, plugin: str) -> bool:
    entry = config.plugins.get(plugin) if config.plugins else None
    return entry is not None and entry.config.get("enabled", True)
