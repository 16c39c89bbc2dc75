-- docker-compose.yml only: the roles sign in over the compose network with a password. A council sets its own.
ALTER ROLE thresholdportal_owner PASSWORD 'thresholdportal';
ALTER ROLE thresholdportal_app PASSWORD 'thresholdportal';
