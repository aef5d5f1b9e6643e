"""Rebuilding the shipped models from ../shared/datasets."""
