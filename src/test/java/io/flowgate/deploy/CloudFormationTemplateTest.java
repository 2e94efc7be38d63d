package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.deploy.CloudFormationTemplate.Invocation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How the deployment check reads a generated template, on a small one written as the framework writes them. */
class CloudFormationTemplateTest {

    private static final String TEMPLATE = """
            {"Resources": {
              "GetResultLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {
                "FunctionName": "flowgate-ci-getResult", "Role": {"Fn::GetAtt": ["GetResultRole", "Arn"]}}},
              "GetResultRole": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyDocument": {"Statement": [
                {"Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": {"Fn::GetAtt": ["SessionsTable", "Arn"]}},
                {"Effect": "Allow", "Action": "ssm:GetParametersByPath", "Resource": [
                  {"Fn::Sub": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/flowgate/ci"}]},
                {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}}]}},
              "GetResultEventsRuleSchedule1": {"Type": "AWS::Events::Rule", "Properties": {
                "ScheduleExpression": "rate(1 minute)", "Targets": [{"Id": "x", "Arn": {"Fn::Join": [":", [
                  {"Fn::GetAtt": ["GetResultLambdaFunction", "Arn"]}, "snapstart"]]}}]}},
              "HttpApiIntegrationGetResult": {"Type": "AWS::ApiGatewayV2::Integration", "Properties": {
                "IntegrationUri": {"Fn::GetAtt": ["GetResultLambdaFunction", "Arn"]}}},
              "HttpApiRoutePostGetresult": {"Type": "AWS::ApiGatewayV2::Route", "Properties": {
                "RouteKey": "POST /getResult", "AuthorizationType": "AWS_IAM",
                "Target": {"Fn::Join": ["/", ["integrations", {"Ref": "HttpApiIntegrationGetResult"}]]}}}
            }}
            """;

    private final CloudFormationTemplate template;

    CloudFormationTemplateTest() throws Exception {
        template = new CloudFormationTemplate(new ObjectMapper().readTree(TEMPLATE), "flowgate-ci-");
    }

    @Test
    void describesWhatARoleAllowsInWordsAndSubstitutionsAsTheirText() {
        assertEquals(Set.of("dynamodb:GetItem on table",
                "ssm:GetParametersByPath on arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/flowgate/ci"),
                template.grants("getResult"));
        assertEquals(Set.of("Allow", "Deny"), template.effects("getResult"));
    }

    @Test
    void answersWhetherARoleAllowsAnActionOnAMatchingResource() {
        Pattern stagePath = Pattern.compile("arn:\\$\\{AWS::Partition}:ssm:.*:parameter/flowgate/ci");

        assertTrue(template.allows("getResult", "ssm:GetParametersByPath", stagePath));
        assertFalse(template.allows("getResult", "ssm:GetParameter", stagePath));
        assertFalse(template.allows("getResult", "ssm:GetParametersByPath", Pattern.compile(".*parameter/flowgate/prod")));
        assertFalse(template.allows("getResult", "s3:GetObject", Pattern.compile(".*")), "a Deny allows nothing");
    }

    @Test
    void findsWhatARouteAndAScheduleInvokeWithTheirQualifier() {
        assertEquals(Map.of("POST /getResult", new Invocation("getResult", CloudFormationTemplate.LATEST)),
                template.routes());
        assertEquals("AWS_IAM", template.authorization("POST /getResult"));
        assertEquals(Map.of("getResult", List.of("rate(1 minute) -> snapstart")), template.schedules());
    }
}
