using Parry.Core.Events;
using Parry.Ingest.Json;

namespace Parry.Ingest.Zeek;

/// <summary>
/// Gives every Zeek JSON record a <c>_path</c> (its log, Sigma's service) when the record does not carry one: from the
/// file name when that names a Zeek log, else from the fields that only one log has.
/// </summary>
internal sealed class ZeekJsonInspector(string? logFromFileName) : JsonRecordInspector
{
    private bool _hasPath;
    private ZeekFieldSignature _fields;

    public override void StartRecord()
    {
        _hasPath = false;
        _fields = ZeekFieldSignature.None;
    }

    public override void RootProperty(ReadOnlySpan<char> name)
    {
        _fields |= name switch
        {
            "_path" => Mark(),
            "conn_state" => ZeekFieldSignature.ConnState,
            "qtype_name" or "query" => ZeekFieldSignature.Qtype,
            "method" => ZeekFieldSignature.Method,
            "status_code" => ZeekFieldSignature.StatusCode,
            "auth_success" or "auth_attempts" => ZeekFieldSignature.AuthSuccess,
            "hassh" or "hasshServer" => ZeekFieldSignature.Hassh,
            "ja3" or "server_name" or "curve" => ZeekFieldSignature.Ja3,
            "certificate.serial" => ZeekFieldSignature.CertSerial,
            "fuid" => ZeekFieldSignature.Fuid,
            "operation" => ZeekFieldSignature.Operation,
            "endpoint" => ZeekFieldSignature.Endpoint,
            "request_type" => ZeekFieldSignature.RequestType,
            "cookie" => ZeekFieldSignature.Cookie,
            "note" => ZeekFieldSignature.Note,
            "name" => ZeekFieldSignature.Name,
            "action" => ZeekFieldSignature.SmbAction,
            _ => ZeekFieldSignature.None,
        };
    }

    private ZeekFieldSignature Mark()
    {
        _hasPath = true;
        return ZeekFieldSignature.None;
    }

    public override void EndRecord(EventBuilder builder)
    {
        if (_hasPath)
            return;
        if ((logFromFileName ?? Guess(_fields)) is { } log)
        {
            builder.PropertyName("_path");
            builder.String(log);
        }
    }

    internal static string? Guess(ZeekFieldSignature f)
    {
        bool Has(ZeekFieldSignature flag) => (f & flag) != 0;
        if (Has(ZeekFieldSignature.ConnState))
            return "conn";
        if (Has(ZeekFieldSignature.Method) || Has(ZeekFieldSignature.StatusCode))
            return "http";
        if (Has(ZeekFieldSignature.Qtype))
            return "dns";
        if (Has(ZeekFieldSignature.AuthSuccess) || Has(ZeekFieldSignature.Hassh))
            return "ssh";
        if (Has(ZeekFieldSignature.CertSerial))
            return "x509";
        if (Has(ZeekFieldSignature.Ja3))
            return "ssl";
        if (Has(ZeekFieldSignature.Operation) && Has(ZeekFieldSignature.Endpoint))
            return "dce_rpc";
        if (Has(ZeekFieldSignature.RequestType))
            return "kerberos";
        if (Has(ZeekFieldSignature.Cookie))
            return "rdp";
        if (Has(ZeekFieldSignature.Note))
            return "notice";
        if (Has(ZeekFieldSignature.SmbAction))
            return "smb_files";
        if (Has(ZeekFieldSignature.Fuid))
            return "files";
        if (Has(ZeekFieldSignature.Name))
            return "weird";
        return null;
    }
}
