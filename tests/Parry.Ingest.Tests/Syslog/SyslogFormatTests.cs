using Parry.Core.Events;
using Parry.Ingest.Syslog;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Syslog;

public class SyslogFormatTests
{
    private static readonly DateTimeOffset Modified = new(2024, 3, 12, 0, 0, 0, TimeSpan.Zero);
    private static readonly SyslogFormat Format = new(new FixedClock(Modified));

    private static readonly FieldTable Fields = Decoding.Fields(
        "host", "program", "pid", "message", "facility", "severity", "priority", "action", "outcome", "user", "src_user",
        "src_ip", "src_port", "auth_method", "invalid_user", "preauth", "ssh_protocol", "key_type", "key_fingerprint",
        "USER", "TTY", "PWD", "COMMAND", "command", "reason", "attempts", "pam_service", "pam_type", "rhost", "msgid",
        "sd.exampleSDID@32473.iut", "sd.exampleSDID@32473.eventSource", "version", "tty", "structured_data", "repeat_count");

    private static Event One(string line)
    {
        var (events, errors) = Decoding.Run(Format, line + "\n", Fields, "auth.log", lastModified: Modified);
        errors.Count.ShouldBe(0, errors.ToString());
        return events.ShouldHaveSingleItem();
    }

    private static string? Get(Event e, string field) => e.GetString(Fields.IdOf(field));

    [Fact]
    public void An_auth_log_line_without_pri_gives_header_fields_and_a_time_in_the_inferred_year()
    {
        var e = One("Mar 10 14:22:01 web01 sshd[1234]: Accepted password for alice from 203.0.113.5 port 52144 ssh2");
        e.SourceKind.ShouldBe("syslog");
        e.Origin.ShouldBe(new EventOrigin("auth.log", 1));
        e.Timestamp.ShouldBe(new DateTimeOffset(2024, 3, 10, 14, 22, 1, TimeSpan.Zero));
        Get(e, "host").ShouldBe("web01");
        Get(e, "program").ShouldBe("sshd");
        Get(e, "pid").ShouldBe("1234");
        Get(e, "message").ShouldBe("Accepted password for alice from 203.0.113.5 port 52144 ssh2");
        Get(e, "action").ShouldBe("accepted");
        Get(e, "outcome").ShouldBe("success");
        Get(e, "user").ShouldBe("alice");
        Get(e, "src_ip").ShouldBe("203.0.113.5");
        Get(e, "src_port").ShouldBe("52144");
        Get(e, "auth_method").ShouldBe("password");
        Get(e, "ssh_protocol").ShouldBe("ssh2");
        Get(e, "facility").ShouldBeNull();
    }

    [Fact]
    public void A_pri_gives_facility_and_severity()
    {
        var e = One("<38>Mar  5 04:02:11 gw sshd[77]: Failed password for root from 198.51.100.23 port 40022 ssh2");
        Get(e, "priority").ShouldBe("38");
        Get(e, "facility").ShouldBe("auth");
        Get(e, "severity").ShouldBe("info");
        Get(e, "action").ShouldBe("failed");
        Get(e, "outcome").ShouldBe("failure");
        e.Timestamp.ShouldBe(new DateTimeOffset(2024, 3, 5, 4, 2, 11, TimeSpan.Zero));
    }

    [Fact]
    public void Rsyslog_high_precision_times_are_read_with_their_offset()
    {
        var e = One("2024-03-10T14:22:01.123456+01:00 web01 sshd-session[99]: Accepted publickey for deploy from 2001:db8::7 port 50022 ssh2: ED25519 SHA256:AbCdEf0123456789");
        e.Timestamp.ShouldBe(new DateTimeOffset(2024, 3, 10, 13, 22, 1, TimeSpan.Zero).AddTicks(1234560));
        Get(e, "program").ShouldBe("sshd-session");
        Get(e, "auth_method").ShouldBe("publickey");
        Get(e, "src_ip").ShouldBe("2001:db8::7");
        Get(e, "key_type").ShouldBe("ED25519");
        Get(e, "key_fingerprint").ShouldBe("SHA256:AbCdEf0123456789");
    }

    [Fact]
    public void Rfc5424_lines_give_msgid_and_structured_data()
    {
        var e = One("<34>1 2024-03-10T22:14:15.003Z mymachine.example.com su - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"App\\\"lication\"] 'su root' failed for lonvick on /dev/pts/8");
        Get(e, "version").ShouldBe("1");
        Get(e, "host").ShouldBe("mymachine.example.com");
        Get(e, "program").ShouldBe("su");
        Get(e, "msgid").ShouldBe("ID47");
        Get(e, "sd.exampleSDID@32473.iut").ShouldBe("3");
        Get(e, "sd.exampleSDID@32473.eventSource").ShouldBe("App\"lication");
        Get(e, "message").ShouldBe("'su root' failed for lonvick on /dev/pts/8");
        Get(e, "facility").ShouldBe("auth");
        Get(e, "severity").ShouldBe("crit");
        e.Timestamp.ShouldBe(new DateTimeOffset(2024, 3, 10, 22, 14, 15, 3, TimeSpan.Zero));
    }

    [Fact]
    public void Rfc5424_nil_values_and_a_bom_before_the_message()
    {
        var e = One("<165>1 2024-03-10T22:14:15Z - - - - - \uFEFFhello world");
        Get(e, "host").ShouldBeNull();
        Get(e, "program").ShouldBeNull();
        Get(e, "message").ShouldBe("hello world");
    }

    [Theory]
    [InlineData("Failed password for invalid user admin from 203.0.113.9 port 41234 ssh2", "failed", "failure", "admin", "203.0.113.9", "41234", true, false)]
    [InlineData("Invalid user oracle from 203.0.113.9 port 41234", "invalid_user", "failure", "oracle", "203.0.113.9", "41234", true, false)]
    [InlineData("Invalid user  from 203.0.113.9 port 41234", "invalid_user", "failure", null, "203.0.113.9", "41234", true, false)]
    [InlineData("Connection closed by authenticating user root 203.0.113.9 port 41234 [preauth]", "connection_closed", "failure", "root", "203.0.113.9", "41234", false, true)]
    [InlineData("Connection closed by invalid user admin 203.0.113.9 port 41234 [preauth]", "connection_closed", "failure", "admin", "203.0.113.9", "41234", true, true)]
    [InlineData("Connection closed by 203.0.113.9 port 41234 [preauth]", "connection_closed", null, null, "203.0.113.9", "41234", false, true)]
    [InlineData("Connection reset by authenticating user root 203.0.113.9 port 41234 [preauth]", "connection_reset", "failure", "root", "203.0.113.9", "41234", false, true)]
    [InlineData("Disconnected from user alice 203.0.113.5 port 52144", "disconnected", null, "alice", "203.0.113.5", "52144", false, false)]
    [InlineData("Disconnected from authenticating user root 203.0.113.9 port 41234 [preauth]", "disconnected", "failure", "root", "203.0.113.9", "41234", false, true)]
    [InlineData("Received disconnect from 203.0.113.9 port 41234:11: Bye Bye [preauth]", "received_disconnect", null, null, "203.0.113.9", "41234", false, true)]
    [InlineData("error: maximum authentication attempts exceeded for root from 203.0.113.9 port 41234 ssh2 [preauth]", "max_auth_exceeded", "failure", "root", "203.0.113.9", "41234", false, true)]
    [InlineData("error: maximum authentication attempts exceeded for invalid user test from 203.0.113.9 port 41234 ssh2 [preauth]", "max_auth_exceeded", "failure", "test", "203.0.113.9", "41234", true, true)]
    [InlineData("Disconnecting authenticating user root 203.0.113.9 port 41234: Too many authentication failures [preauth]", "max_auth_exceeded", "failure", "root", "203.0.113.9", "41234", false, true)]
    [InlineData("Timeout before authentication for 203.0.113.9 port 41234", "preauth_timeout", "failure", null, "203.0.113.9", "41234", false, false)]
    [InlineData("Did not receive identification string from 203.0.113.9 port 41234", "no_identification", "failure", null, "203.0.113.9", "41234", false, false)]
    [InlineData("Unable to negotiate with 203.0.113.9 port 41234: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]", "negotiation_failed", "failure", null, "203.0.113.9", "41234", false, true)]
    [InlineData("User root from 203.0.113.9 not allowed because not listed in AllowUsers", "user_not_allowed", "failure", "root", "203.0.113.9", null, false, false)]
    [InlineData("Failed password for invalid user admin user from 203.0.113.9 port 41234 ssh2", "failed", "failure", "admin user", "203.0.113.9", "41234", true, false)]
    public void Sshd_messages_are_parsed_into_fields(
        string message, string action, string? outcome, string? user, string ip, string? port, bool invalid, bool preauth)
    {
        var e = One($"Mar 10 14:22:01 bastion sshd[4242]: {message}");
        Get(e, "action").ShouldBe(action);
        Get(e, "outcome").ShouldBe(outcome);
        Get(e, "user").ShouldBe(user);
        Get(e, "src_ip").ShouldBe(ip);
        Get(e, "src_port").ShouldBe(port);
        (Get(e, "invalid_user") == "true").ShouldBe(invalid);
        (Get(e, "preauth") == "true").ShouldBe(preauth);
        Get(e, "message").ShouldBe(message);
    }

    [Fact]
    public void Pam_lines_from_sshd_give_session_and_failure_fields()
    {
        var opened = One("Mar 10 14:22:01 web01 sshd[1234]: pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)");
        Get(opened, "action").ShouldBe("session_opened");
        Get(opened, "user").ShouldBe("alice");
        Get(opened, "pam_service").ShouldBe("sshd");
        Get(opened, "pam_type").ShouldBe("session");
        Get(opened, "src_user").ShouldBeNull();
        var failure = One("Mar 10 14:22:01 web01 sshd[1234]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root");
        Get(failure, "action").ShouldBe("auth_failure");
        Get(failure, "outcome").ShouldBe("failure");
        Get(failure, "src_ip").ShouldBe("203.0.113.9");
        Get(failure, "user").ShouldBe("root");
        Get(failure, "tty").ShouldBe("ssh");
    }

    [Fact]
    public void Sudo_lines_keep_sudo_keys_and_name_the_caller()
    {
        var e = One("Mar 10 14:25:40 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/bash -c echo a ; echo b");
        Get(e, "src_user").ShouldBe("alice");
        Get(e, "TTY").ShouldBe("pts/0");
        Get(e, "PWD").ShouldBe("/home/alice");
        Get(e, "USER").ShouldBe("root");
        Get(e, "COMMAND").ShouldBe("/usr/bin/bash -c echo a ; echo b");
        Get(e, "action").ShouldBe("command");
        Get(e, "outcome").ShouldBe("success");
    }

    [Theory]
    [InlineData("alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash", "incorrect_password", "3")]
    [InlineData("bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/cat /etc/shadow", "not_in_sudoers", null)]
    [InlineData("carol : command not allowed ; TTY=pts/2 ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/vim", "command_not_allowed", null)]
    public void Sudo_failures_are_failures(string message, string action, string? attempts)
    {
        var e = One($"Mar 10 14:25:40 web01 sudo: {message}");
        Get(e, "action").ShouldBe(action);
        Get(e, "outcome").ShouldBe("failure");
        Get(e, "attempts").ShouldBe(attempts);
        Get(e, "USER").ShouldBe("root");
    }

    [Fact]
    public void Sudo_sigma_rule_field_sees_the_cve_2019_14287_target()
    {
        var e = One("Mar 10 14:25:40 web01 sudo: alice : TTY=pts/0 ; PWD=/home/alice ; USER=#-1 ; COMMAND=/usr/bin/id");
        Get(e, "USER").ShouldBe("#-1");
    }

    [Theory]
    [InlineData("(to root) alice on pts/0", "success", "root", "alice")]
    [InlineData("FAILED SU (to root) mallory on pts/3", "failure", "root", "mallory")]
    [InlineData("Successful su for root by alice", "success", "root", "alice")]
    [InlineData("FAILED su for root by mallory", "failure", "root", "mallory")]
    [InlineData("+ pts/0 alice:root", "success", "root", "alice")]
    [InlineData("- pts/0 mallory:root", "failure", "root", "mallory")]
    public void Su_lines_name_target_and_caller(string message, string outcome, string user, string caller)
    {
        var e = One($"Mar 10 14:30:00 web01 su[2211]: {message}");
        Get(e, "action").ShouldBe("su");
        Get(e, "outcome").ShouldBe(outcome);
        Get(e, "user").ShouldBe(user);
        Get(e, "src_user").ShouldBe(caller);
    }

    [Fact]
    public void Cron_lines_give_user_action_and_command()
    {
        var e = One("Mar 10 15:17:01 web01 CRON[3011]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)");
        Get(e, "user").ShouldBe("root");
        Get(e, "action").ShouldBe("CMD");
        Get(e, "command").ShouldBe("   cd / && run-parts --report /etc/cron.hourly");
        var replace = One("Mar 10 15:20:44 web01 crontab[3100]: (alice) REPLACE (alice)");
        Get(replace, "action").ShouldBe("REPLACE");
        Get(replace, "message").ShouldBe("(alice) REPLACE (alice)");
    }

    [Fact]
    public void Lines_without_a_program_tag_keep_the_message()
    {
        var e = One("Mar 10 15:17:01 web01 -- MARK --");
        Get(e, "program").ShouldBeNull();
        Get(e, "message").ShouldBe("-- MARK --");
        var kernel = One("Mar 10 15:17:01 web01 kernel: [ 1234.567890] usb 1-1: new device");
        Get(kernel, "program").ShouldBe("kernel");
        Get(kernel, "message").ShouldBe("[ 1234.567890] usb 1-1: new device");
    }

    [Fact]
    public void Probe_claims_syslog_and_rejects_other_text()
    {
        var auth = "Mar 10 14:22:01 web01 sshd[1]: a\nMar 10 14:22:02 web01 sshd[1]: b\n"u8;
        Format.Probe(auth, "auth.log").ShouldBe(SyslogFormat.Score);
        Format.Probe("<13>1 2024-03-10T22:14:15Z h app - - - msg\n"u8, "x").ShouldBe(SyslogFormat.Score);
        Format.Probe("203.0.113.5 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326\n"u8, "access.log").ShouldBe(0);
        Format.Probe("{\"a\":1}\n"u8, "x.json").ShouldBe(0);
        Format.Probe("hello world\nthis is text\n"u8, "notes.txt").ShouldBe(0);
    }

    [Fact]
    public void A_repeated_message_is_parsed_and_counted()
    {
        var e = One("Mar 10 14:22:01 bastion sshd[4242]: message repeated 5 times: [ Failed password for root from 203.0.113.9 port 41234 ssh2]");
        Get(e, "repeat_count").ShouldBe("5");
        Get(e, "action").ShouldBe("failed");
        Get(e, "user").ShouldBe("root");
        Get(e, "src_ip").ShouldBe("203.0.113.9");
        Get(e, "message").ShouldStartWith("message repeated 5 times");
    }
}
