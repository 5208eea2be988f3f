-- One database per service: each owns its schema (Flyway) and nothing is shared but events.
CREATE DATABASE podclip_catalog;
CREATE DATABASE podclip_clip;
