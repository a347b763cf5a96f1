namespace Parry.Ingest.Evtx.BinXml;

/// <summary>Value types of substitution values and value tokens; 0x80 marks an array of the base type.</summary>
internal static class BinXmlValueType
{
    public const byte Null = 0x00;
    public const byte String = 0x01;
    public const byte AnsiString = 0x02;
    public const byte Int8 = 0x03;
    public const byte UInt8 = 0x04;
    public const byte Int16 = 0x05;
    public const byte UInt16 = 0x06;
    public const byte Int32 = 0x07;
    public const byte UInt32 = 0x08;
    public const byte Int64 = 0x09;
    public const byte UInt64 = 0x0A;
    public const byte Real32 = 0x0B;
    public const byte Real64 = 0x0C;
    public const byte Bool = 0x0D;
    public const byte Binary = 0x0E;
    public const byte Guid = 0x0F;
    public const byte SizeT = 0x10;
    public const byte FileTime = 0x11;
    public const byte SysTime = 0x12;
    public const byte Sid = 0x13;
    public const byte HexInt32 = 0x14;
    public const byte HexInt64 = 0x15;
    public const byte EvtHandle = 0x20;
    public const byte BinXml = 0x21;
    public const byte EvtXml = 0x23;
    public const byte ArrayFlag = 0x80;

    /// <summary>Whether the byte names a type this format defines (the set evtx_dump accepts).</summary>
    public static bool IsKnown(byte type)
    {
        var baseType = (byte)(type & ~ArrayFlag);
        if ((type & ArrayFlag) != 0)
            return baseType is >= String and <= HexInt64;
        return baseType is <= HexInt64 or EvtHandle or BinXml or EvtXml;
    }

    public static bool IsArray(byte type) => (type & ArrayFlag) != 0;

    /// <summary>Size in bytes of one value of a fixed-size type; 0 for variable-size types.</summary>
    public static int FixedSize(byte baseType) => baseType switch
    {
        Int8 or UInt8 => 1,
        Int16 or UInt16 => 2,
        Int32 or UInt32 or Real32 or Bool or HexInt32 => 4,
        Int64 or UInt64 or Real64 or FileTime or HexInt64 => 8,
        Guid or SysTime => 16,
        _ => 0,
    };

    public static bool IsInteger(byte type) => type is >= Int8 and <= UInt64;

    public static bool IsSigned(byte type) => type is Int8 or Int16 or Int32 or Int64;

    public static string Name(byte type) => type switch
    {
        Null => "Null", String => "String", AnsiString => "AnsiString", Int8 => "Int8", UInt8 => "UInt8",
        Int16 => "Int16", UInt16 => "UInt16", Int32 => "Int32", UInt32 => "UInt32", Int64 => "Int64",
        UInt64 => "UInt64", Real32 => "Real32", Real64 => "Real64", Bool => "Bool", Binary => "Binary",
        Guid => "Guid", SizeT => "SizeT", FileTime => "FileTime", SysTime => "SysTime", Sid => "Sid",
        HexInt32 => "HexInt32", HexInt64 => "HexInt64", EvtHandle => "EvtHandle", BinXml => "BinXml",
        EvtXml => "EvtXml",
        _ when IsArray(type) => Name((byte)(type & ~ArrayFlag)) + "[]",
        _ => $"0x{type:x2}",
    };
}
