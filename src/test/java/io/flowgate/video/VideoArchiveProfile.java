package io.flowgate.video;

import io.flowgate.testsupport.S3rverResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application with the video archive on, in a bucket of s3rver started for the test. */
public class VideoArchiveProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3rverResource.class));
    }
}
