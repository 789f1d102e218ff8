// ParseBoundingBox: the one reader of "minlon,minlat,maxlon,maxlat" behind
// the API's bbox parameter and `parley events --bbox`.
#include <gtest/gtest.h>

#include <string>

#include "store/store.h"

namespace parley::store {
namespace {

struct BoxCase {
  std::string text;
  BoundingBoxError error;
};

TEST(BoundingBoxTest, ReadsFourNumbersWithinRangeAndOrder) {
  const BoxCase cases[] = {
      {"30.5,10,40,20.25", BoundingBoxError::kNone},
      {"-180,-90,180,90", BoundingBoxError::kNone},
      {"35,31,35,31", BoundingBoxError::kNone},  // a point
      {"1,2,3", BoundingBoxError::kShape},
      {"1,2,3,4,5", BoundingBoxError::kShape},
      {"1,2,x,4", BoundingBoxError::kShape},
      {"1,2,3,4,", BoundingBoxError::kShape},
      {" 1,2,3,4", BoundingBoxError::kShape},
      {"1,2,3,inf", BoundingBoxError::kShape},
      {"1,2,3,nan", BoundingBoxError::kShape},
      {"", BoundingBoxError::kShape},
      {"-181,0,0,10", BoundingBoxError::kRange},
      {"0,-91,10,10", BoundingBoxError::kRange},
      {"0,0,10,90.5", BoundingBoxError::kRange},
      {"200,0,300,10", BoundingBoxError::kRange},
      {"200,0,0,10", BoundingBoxError::kRange},
      {"10,0,0,10", BoundingBoxError::kOrder},
      {"0,10,10,0", BoundingBoxError::kOrder},
  };
  for (const BoxCase& c : cases) {
    EventFilter::BoundingBox box{7, 7, 7, 7};
    EXPECT_EQ(ParseBoundingBox(c.text, box), c.error) << c.text;
    if (c.error != BoundingBoxError::kNone) {
      EXPECT_EQ(box.min_lon, 7) << c.text << ": the box is left alone on failure";
      EXPECT_FALSE(BoundingBoxProblem(c.error).empty());
    }
  }
  EventFilter::BoundingBox box;
  ASSERT_EQ(ParseBoundingBox("30.5,10,40,20.25", box), BoundingBoxError::kNone);
  EXPECT_DOUBLE_EQ(box.min_lon, 30.5);
  EXPECT_DOUBLE_EQ(box.min_lat, 10);
  EXPECT_DOUBLE_EQ(box.max_lon, 40);
  EXPECT_DOUBLE_EQ(box.max_lat, 20.25);
  EXPECT_EQ(BoundingBoxProblem(BoundingBoxError::kNone), "");
}

}  // namespace
}  // namespace parley::store
