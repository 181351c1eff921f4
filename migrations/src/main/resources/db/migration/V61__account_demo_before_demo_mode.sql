-- Before demo mode had to be asked for, every embedded start made these four accounts with passwords printed in the
-- README: mark them as the demo's, so a start without demo mode locks them out and a demo start gives them new passwords.
UPDATE account SET demo = true
 WHERE (username, display_name) IN (('moderator', 'Mira (moderator)'), ('tariq', 'Tariq'), ('sana', 'Sana'), ('imran', 'Imran'))
   AND EXISTS (SELECT 1 FROM article WHERE article_key = 'us-boots-on-ground-never');
