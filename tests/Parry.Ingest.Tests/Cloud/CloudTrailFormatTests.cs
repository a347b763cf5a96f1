using System.Text;
using Parry.Core.Events;
using Parry.Ingest.Cloud;
using Parry.Ingest.Json;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Cloud;

public class CloudTrailFormatTests
{
    private static readonly CloudTrailFormat Format = new();
    private static readonly FieldTable Fields = Decoding.Fields(
        "eventSource", "eventName", "userIdentity.arn", "userIdentity.type", "sourceIPAddress", "errorCode",
        "requestParameters.bucketName", "Records");

    private const string StopLogging = """{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111122223333:user/mallory","accountId":"111122223333","userName":"mallory"},"eventTime":"2024-05-01T12:00:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.200","userAgent":"aws-cli/2.15.0","requestParameters":{"name":"main-trail"},"responseElements":null,"eventID":"0e0b0d1c-0000-4000-8000-000000000001","eventType":"AwsApiCall"}""";
    private const string GetBucket = """{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/app/i-0abc"},"eventTime":"2024-05-01T12:00:05Z","eventSource":"s3.amazonaws.com","eventName":"GetBucketAcl","sourceIPAddress":"198.51.100.20","errorCode":"AccessDenied","requestParameters":{"bucketName":"secrets-bucket"}}""";

    private static string? Get(Event e, string field) => e.GetString(Fields.IdOf(field));

    [Fact]
    public void A_records_file_gives_one_event_per_record()
    {
        var text = "{\"Records\":[" + StopLogging + ",\n" + GetBucket + "]}";
        var (events, errors) = Decoding.Run(Format, text, Fields, "111122223333_CloudTrail_us-east-1_20240501T1200Z_abc.json");
        errors.Count.ShouldBe(0, errors.ToString());
        events.Count.ShouldBe(2);
        events.ShouldAllBe(e => e.SourceKind == "cloudtrail");
        events.Select(e => e.Origin.Record).ShouldBe([1L, 2L]);
        Get(events[0], "eventName").ShouldBe("StopLogging");
        Get(events[0], "userIdentity.arn").ShouldBe("arn:aws:iam::111122223333:user/mallory");
        Get(events[0], "sourceIPAddress").ShouldBe("203.0.113.200");
        events[0].Timestamp.ShouldBe(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
        Get(events[1], "errorCode").ShouldBe("AccessDenied");
        Get(events[1], "requestParameters.bucketName").ShouldBe("secrets-bucket");
        events[1].Has(Fields.IdOf("Records")).ShouldBeFalse();
    }

    [Fact]
    public void A_pretty_printed_records_file_with_trailing_properties()
    {
        var text = "{\n  \"Records\": [\n    " + StopLogging + ",\n    " + GetBucket + "\n  ],\n  \"digest\": {\"x\": [1, \"]}\"]}\n}\n";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        errors.Count.ShouldBe(0, errors.ToString());
        events.Count.ShouldBe(2);
    }

    [Fact]
    public void One_event_per_line_is_read_too()
    {
        var (events, errors) = Decoding.Run(Format, StopLogging + "\n" + GetBucket + "\n", Fields);
        errors.Count.ShouldBe(0, errors.ToString());
        events.Select(e => Get(e, "eventName")).ShouldBe(["StopLogging", "GetBucketAcl"]);
    }

    [Fact]
    public void A_broken_record_inside_the_wrapper_is_located_and_the_rest_read()
    {
        var text = "{\"Records\":[\n" + StopLogging + ",\n{\"eventName\": bad},\n" + GetBucket + "\n]}";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        events.Select(e => Get(e, "eventName")).ShouldBe(["StopLogging", "GetBucketAcl"]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Record.ShouldBe(2);
        error.Message.ShouldContain("line 3");
    }

    [Fact]
    public void The_wrapper_is_streamed_with_records_split_across_reads()
    {
        var text = "{\"Records\":[" + string.Join(",", Enumerable.Repeat(StopLogging, 50)) + "]}";
        var random = new Random(3);
        var (events, errors) = Decoding.Run(Format, Encoding.UTF8.GetBytes(text), Fields, maxRecordBytes: 4096, chunks: () => random.Next(1, 700));
        errors.Count.ShouldBe(0, errors.ToString());
        events.Count.ShouldBe(50);
    }

    [Fact]
    public void Probe_claims_cloudtrail_above_json()
    {
        Format.Probe(Encoding.UTF8.GetBytes("{\"Records\":[" + StopLogging), "x.json").ShouldBe(CloudTrailFormat.Score);
        Format.Probe("{\"Records\":[]}"u8, "x.json").ShouldBe(CloudTrailFormat.Score);
        Format.Probe(Encoding.UTF8.GetBytes(StopLogging), "x.json").ShouldBe(CloudTrailFormat.Score);
        Format.Probe("{\"Records\":[{\"a\":1}]}"u8, "x.json").ShouldBe(0);
        (CloudTrailFormat.Score > JsonFormat.Score).ShouldBeTrue();
    }
}
