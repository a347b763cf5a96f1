namespace Parry.Ingest.Zeek;

/// <summary>Top-level fields that only one Zeek log has, used to tell a record's log when neither its file name nor
/// a <c>_path</c> field says.</summary>
[Flags]
internal enum ZeekFieldSignature
{
    None = 0,
    ConnState = 1 << 0,     // conn: conn_state
    Qtype = 1 << 1,         // dns: qtype_name / query
    Method = 1 << 2,        // http: method
    StatusCode = 1 << 3,    // http: status_code
    AuthSuccess = 1 << 4,   // ssh: auth_success / auth_attempts
    Hassh = 1 << 5,         // ssh: hassh / client+server
    Ja3 = 1 << 6,           // ssl: server_name / ja3 / cipher+curve
    CertSerial = 1 << 7,    // x509: certificate.serial
    Fuid = 1 << 8,          // files: fuid
    Operation = 1 << 9,     // dce_rpc: operation + endpoint
    RequestType = 1 << 10,  // kerberos: request_type
    Cookie = 1 << 11,       // rdp: cookie
    Note = 1 << 12,         // notice: note
    Name = 1 << 13,         // weird: name (+ notice flag absent)
    SmbAction = 1 << 14,    // smb_files: action + path
    Endpoint = 1 << 15,
}
